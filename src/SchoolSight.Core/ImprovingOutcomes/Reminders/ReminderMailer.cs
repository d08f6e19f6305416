using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SchoolSight.Core.ImprovingOutcomes.Reminders;

/// <summary>Sends one reminder email.</summary>
public interface IReminderMailer
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

/// <summary>Sends reminders through the LA's SMTP server with MailKit.</summary>
public sealed class SmtpReminderMailer(IOptions<ReminderOptions> options) : IReminderMailer
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From ?? throw new InvalidOperationException("Reminders:From is not configured.")));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost ?? throw new InvalidOperationException("Reminders:SmtpHost is not configured."), o.SmtpPort, o.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
