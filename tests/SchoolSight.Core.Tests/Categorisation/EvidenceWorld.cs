using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Categorisation;

/// <summary>
/// The people of the judgement and concern tests over the small test register: a head and a governor of
/// <see cref="School"/>, a SIP assigned to it (and not to <see cref="OtherSchool"/>), and the LA's officers.
/// </summary>
public sealed class EvidenceWorld(TestDatabase database, TestClock clock)
{
    public const int School = RegisterData.FirstUrn;
    public const int OtherSchool = RegisterData.FirstUrn + 1;
    public const string SipUserId = "sip-user-id";

    public static readonly Dictionary<Role, string> Names = new()
    {
        [Role.LaAdministrator] = "admin@demo-borough.example",
        [Role.SeniorManager] = "smt@demo-borough.example",
        [Role.QualityAssuranceManager] = "qa@demo-borough.example",
        [Role.InterventionOfficer] = "mi@demo-borough.example",
        [Role.SchoolImprovementPartner] = "sip@demo-borough.example",
        [Role.HealthySchoolsCoordinator] = "healthy@demo-borough.example",
        [Role.QuasPanelMember] = "quas@demo-borough.example",
        [Role.SchoolUser] = "head@demo-borough.example",
        [Role.Governor] = "governor@demo-borough.example",
        [Role.Partner] = "partner@demo-borough.example",
    };

    public TestClock Clock => clock;

    public static async Task<EvidenceWorld> CreateAsync(TestDatabase database)
    {
        await RegisterData.SeedAsync(database);
        await using (var db = database.CreateContext(new FixedCurrentUser("seed")))
        {
            db.Users.Add(new AppUser { Id = SipUserId, UserName = Names[Role.SchoolImprovementPartner], DisplayName = "Sidney Partner", Role = Role.SchoolImprovementPartner });
            db.Users.Add(new AppUser { Id = "mi-user-id", UserName = Names[Role.InterventionOfficer], DisplayName = "Morgan Intervention", Role = Role.InterventionOfficer });
            db.SipAssignments.Add(new SipAssignment { UserId = SipUserId, Urn = School });
            await db.SaveChangesAsync();
        }
        return new EvidenceWorld(database, new TestClock(2026, 11, 23));
    }

    /// <summary>Acting as <paramref name="role"/>, within the school scope that role has (a school-bound role or SIP: <paramref name="urn"/>).</summary>
    public AppDbContext As(Role role, int urn = School) =>
        database.CreateContext(new FixedCurrentUser(Names[role], role, role == Role.SchoolImprovementPartner ? SipUserId : null,
            role.SeesWholeLa() ? SchoolScope.Everything : role == Role.Partner ? SchoolScope.Nothing : SchoolScope.Of([urn])), clock);
}
