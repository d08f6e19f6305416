namespace SchoolSight.Domain.Attachments;

/// <summary>Why a file was not attached; each message is written for the person who chose the file (the GOV.UK file upload wording).</summary>
public static class AttachmentErrors
{
    public const string Field = "File";

    public static DomainError NoFile => new("attachment.required", "Select a file", Field);

    public static DomainError Empty => new("attachment.empty", "The selected file is empty", Field);

    public static DomainError TooLarge(long maxBytes) => new("attachment.too-large", $"The selected file must be smaller than {Describe(maxBytes)}", Field);

    public static DomainError TypeNotAllowed(IEnumerable<string> allowed) =>
        new("attachment.type", $"The selected file must be a {string.Join(", ", allowed.Select(e => e.ToUpperInvariant()))} file", Field);

    public static DomainError NotWhatItsNameSays(AttachmentType type, string extension) =>
        new("attachment.content", $"The selected file is called {extension} but its contents are not those of a {type.Name} file", Field);

    public static DomainError Refused(string reason) =>
        DomainError.Rule("attachment.refused", $"The selected file was refused by the virus check: {reason}", Field);

    public static DomainError TooMany(int max) =>
        DomainError.Rule("attachment.too-many", $"A record can have up to {max} files attached: remove one before adding another", Field);

    public static DomainError DescriptionTooLong => new("attachment.description", $"The description must be {Attachment.MaxDescriptionLength} characters or fewer", "Description");

    public static DomainError NotHere(AttachmentStorage storage) =>
        DomainError.Rule("attachment.storage", $"This file is kept in the {(storage == AttachmentStorage.Database ? "database" : "attachments folder")}, which SchoolSight is not set to use: ask the LA administrator.");

    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes >= 1024 && bytes % 1024 == 0 ? $"{bytes / 1024} KB" : $"{bytes:N0} bytes";
}
