namespace SchoolSight.Core.ImprovingOutcomes.Reminders;

/// <summary>
/// Email reminders of programme deadlines (configuration section <c>Reminders</c>). Off unless an SMTP host and a
/// sender address are configured.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;

    /// <summary>Use STARTTLS when the server offers it (on by default; tests use a plain local server).</summary>
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }

    /// <summary>How many days before a deadline the first reminder goes out.</summary>
    public int DaysBefore { get; set; } = 3;

    /// <summary>How often the scheduler looks for due reminders.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The address of SchoolSight, for links in the emails (e.g. https://schoolsight.example.gov.uk).</summary>
    public string? BaseUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost) && !string.IsNullOrWhiteSpace(From);
}
