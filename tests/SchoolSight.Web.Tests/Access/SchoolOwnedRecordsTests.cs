using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Access;

/// <summary>
/// The query filter over Demo Borough: for every role and every school-owned table, a user reads exactly the rows the
/// access table lets their role read, within their schools; and a context with no acting user reads none and saves nothing.
/// </summary>
public abstract class SchoolOwnedRecordsTests(DemoApp fixture)
{
    private TestDatabase Database => fixture.App.Database;

    public static TheoryData<Role> EveryRole => [.. Roles.All];

    /// <summary>Every school-owned table of the model.</summary>
    public static TheoryData<string> EveryTable => [.. SchoolOwnedTables().Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task EachRole_ReadsOnlyTheSchoolOwnedRows_ItsRoleAndScopeAllow(Role role)
    {
        await WithOfstedOutcomesAsync();
        var scope = await ScopeOfDemoUserAsync(role);
        var failures = new List<string>();
        foreach (var table in SchoolOwnedTables())
        {
            var all = await UrnsAsync(table, ActingUsers.StartUp, ignoreFilters: true);
            var resource = ResourceOf(table);
            var expected = role.Allows(resource, ResourceAction.Read)
                ? all.Where(urn => !AccessRules.IsHeldPerSchool(resource) || scope.Includes(urn)).Order().ToList()
                : [];
            var seen = (await UrnsAsync(table, new FixedCurrentUser($"{role}@demo-borough.example", role, null, scope))).Order().ToList();
            if (!seen.SequenceEqual(expected)) failures.Add($"{table.Name}: expected {expected.Count} rows, read {seen.Count}");
        }
        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(EveryTable))]
    public async Task EachSchoolOwnedTable_HasDemoRowsOfMoreThanOneSchool_SoTheFilterIsTested(string table)
    {
        await WithOfstedOutcomesAsync();
        var urns = await UrnsAsync(SchoolOwnedTables().Single(t => t.Name == table), ActingUsers.StartUp, ignoreFilters: true);
        urns.Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Theory]
    [InlineData(Role.HealthySchoolsCoordinator)]
    [InlineData(Role.QuasPanelMember)]
    public async Task AWholeLaRole_WithoutProgrammeOrConcernRights_SeesNoCasesAndNoConcerns(Role role)
    {
        await using var admin = Database.CreateContext(ActingUsers.StartUp);
        (await admin.ProgrammeCases.CountAsync()).ShouldBeGreaterThan(0);
        (await admin.SchoolConcerns.CountAsync()).ShouldBeGreaterThan(0);

        await using var db = Database.CreateContext(new FixedCurrentUser($"{role}@demo-borough.example", role, null, SchoolScope.Everything));
        (await db.Schools.CountAsync()).ShouldBe(await admin.Schools.CountAsync());
        (await db.ProgrammeCases.CountAsync()).ShouldBe(0);
        (await db.SchoolConcerns.CountAsync()).ShouldBe(0);
        (await db.SchoolJudgements.CountAsync()).ShouldBe(0);
        (await db.LevelProposals.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AContextWithNoActingUser_ReadsNoSchoolOwnedRows_AndCannotSave()
    {
        await using var db = new AppDbContext(OptionsOf(Database));
        foreach (var table in SchoolOwnedTables())
            (await UrnsOf(db, table)).ShouldBeEmpty(table.Name);

        await using var admin = Database.CreateContext(ActingUsers.StartUp);
        var school = await admin.Schools.AsNoTracking().FirstAsync();
        db.Schools.Attach(school);
        db.Entry(school).State = EntityState.Modified;
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    /// <summary>Demo Borough has no Ofsted file imported: two schools' outcomes, as an import would leave them.</summary>
    private async Task WithOfstedOutcomesAsync()
    {
        await using var db = Database.CreateContext(ActingUsers.StartUp);
        foreach (var urn in new[] { DemoSeeder.DemoHeadSchoolUrn, DemoSeeder.OtherDemoSchoolUrn })
            if (!await db.OfstedInspections.AnyAsync(o => o.Urn == urn))
                db.OfstedInspections.Add(new OfstedInspection(urn, new OfstedOutcome { InspectionDate = new DateOnly(2024, 3, 1), OverallEffectiveness = OfstedJudgement.Good }, 1));
        await db.SaveChangesAsync();
    }

    private static DbContextOptions<AppDbContext> OptionsOf(TestDatabase database)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        database.Options.Apply(builder);
        return builder.Options;
    }

    /// <summary>The scope the demo user of <paramref name="role"/> signs in with.</summary>
    private async Task<SchoolScope> ScopeOfDemoUserAsync(Role role)
    {
        if (role == Role.Partner) return SchoolScope.Nothing;
        if (role.SeesWholeLa()) return SchoolScope.Everything;
        if (role.IsSchoolBound()) return SchoolScope.Of([DemoSeeder.DemoHeadSchoolUrn]);
        await using var db = Database.CreateContext(ActingUsers.StartUp);
        var email = DemoSeeder.DemoUsers.Single(u => u.Role == role).Email;
        return SchoolScope.Of(await db.SipAssignments.Where(a => db.Users.Any(u => u.Id == a.UserId && u.Email == email)).Select(a => a.Urn).ToListAsync());
    }

    private static IReadOnlyList<Type> SchoolOwnedTables()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return [.. db.Model.GetEntityTypes().Select(e => e.ClrType).Where(typeof(ISchoolOwned).IsAssignableFrom).OrderBy(t => t.Name)];
    }

    private static Resource ResourceOf(Type table) => (Resource)table.GetProperty(nameof(School.Resource))!.GetValue(null)!;

    private async Task<List<int>> UrnsAsync(Type table, ICurrentUser user, bool ignoreFilters = false)
    {
        await using var db = Database.CreateContext(user);
        return await UrnsOf(db, table, ignoreFilters);
    }

    private static Task<List<int>> UrnsOf(AppDbContext db, Type table, bool ignoreFilters = false) =>
        (Task<List<int>>)typeof(SchoolOwnedRecordsTests).GetMethod(nameof(UrnsOfTable), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(table).Invoke(null, [db, ignoreFilters])!;

    private static Task<List<int>> UrnsOfTable<T>(AppDbContext db, bool ignoreFilters) where T : class, ISchoolOwned
    {
        var rows = db.Set<T>().AsNoTracking();
        return (ignoreFilters ? rows.IgnoreQueryFilters() : rows).Select(e => e.Urn).ToListAsync();
    }
}

public sealed class SchoolOwnedRecordsTests_Sqlite(SqliteDemoApp fixture) : SchoolOwnedRecordsTests(fixture), IClassFixture<SqliteDemoApp>;
public sealed class SchoolOwnedRecordsTests_Postgres(PostgresDemoApp fixture) : SchoolOwnedRecordsTests(fixture), IClassFixture<PostgresDemoApp>;
