using System.Text.Json.Serialization;

namespace SchoolSight.Domain.Register;

/// <summary>GIAS <c>EstablishmentStatus (name)</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SchoolStatus>))]
public enum SchoolStatus
{
    Open,
    OpenButProposedToClose,
    ProposedToOpen,
    Closed,
}

public static class SchoolStatuses
{
    public static string DisplayName(this SchoolStatus status) => status switch
    {
        SchoolStatus.Open => "Open",
        SchoolStatus.OpenButProposedToClose => "Open, but proposed to close",
        SchoolStatus.ProposedToOpen => "Proposed to open",
        SchoolStatus.Closed => "Closed",
    };

    public static bool TryParseGias(string? value, out SchoolStatus status)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "open": status = SchoolStatus.Open; return true;
            case "open, but proposed to close": status = SchoolStatus.OpenButProposedToClose; return true;
            case "proposed to open": status = SchoolStatus.ProposedToOpen; return true;
            case "closed": status = SchoolStatus.Closed; return true;
            default: status = SchoolStatus.Open; return false;
        }
    }

    public static bool IsOpen(this SchoolStatus status) => status is SchoolStatus.Open or SchoolStatus.OpenButProposedToClose;
}
