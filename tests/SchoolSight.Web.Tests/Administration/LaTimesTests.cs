using SchoolSight.Core.Time;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Web.Tests.Administration;

/// <summary>Times on pages are in the LA's time (UK time, with summer time), and the audit trail names things in words.</summary>
public sealed class LaTimesTests
{
    private static readonly LaClock Clock = new(TimeProvider.System);

    [Fact]
    public void AStoredUtcTime_IsShownInUkTime_SummerAndWinter()
    {
        Clock.DateAndTime(new DateTime(2026, 7, 1, 13, 5, 0, DateTimeKind.Utc)).ShouldBe("1 July 2026 at 2:05pm");
        Clock.DateAndTime(new DateTime(2026, 12, 1, 13, 5, 0, DateTimeKind.Utc)).ShouldBe("1 December 2026 at 1:05pm");
        Clock.DateText(new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc)).ShouldBe("1 July 2026", "half past midnight in the UK is the next day");
        Clock.ShortDateAndTime(new DateTime(2026, 7, 1, 13, 5, 9, DateTimeKind.Utc)).ShouldBe("1 Jul 2026, 2:05:09pm");
    }

    [Theory]
    [InlineData("SchoolLevelDecision", "School level decision")]
    [InlineData("ImprovingOutcomesCase", "Improving outcomes case")]
    [InlineData("SipAssignment", "Sip assignment")]
    [InlineData("Partner", "Partner")]
    public void AnAuditedRecordType_IsShownInWords(string entityType, string words) => LaTimes.RecordType(entityType).ShouldBe(words);

    [Theory]
    [InlineData(AuditAction.SignInFailed, "Sign-in failed")]
    [InlineData(AuditAction.PasswordResetLinkIssued, "Password reset link sent")]
    [InlineData(AuditAction.UserDisabled, "User disabled")]
    [InlineData(AuditAction.Created, "Created")]
    public void AnAuditAction_IsShownInWords(AuditAction action, string words) => LaTimes.Action(action).ShouldBe(words);
}
