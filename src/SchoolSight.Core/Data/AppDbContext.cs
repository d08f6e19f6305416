using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SchoolSight.Core.Access;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.Time;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Attachments;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Calendar;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Data;

/// <summary>
/// SchoolSight's one database. Every save stamps edited records (version, who, when) and writes the audit trail
/// in the same transaction; audit rows can be added but never changed or removed. Someone is always acting: without
/// an acting user the context reads no school's records and saves nothing.
/// <para>
/// The web app and the command line take contexts from a pool (<see cref="DatabaseServiceCollectionExtensions.AddSchoolSightDatabase"/>):
/// each is given its scope's acting user and clock by <see cref="ActAs"/> when it is taken, and goes back with no one
/// acting, so a context can never carry one request's user into the next.
/// </para>
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    internal static readonly JsonSerializerOptions AuditJson = new() { WriteIndented = false };
    internal static readonly HashSet<string> SecretProperties =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail"];

    private static readonly LaClock SystemClock = new(TimeProvider.System);

    private ICurrentUser _user = ActingUsers.Nobody;
    private LaClock _clock = SystemClock;

    /// <summary>
    /// A context of its own, outside the pool (the read audit's writer, tools, tests), acting as <paramref name="user"/>
    /// (no one when null) on <paramref name="laClock"/>, or on the LA's default clock over <paramref name="clock"/>.
    /// </summary>
    public static AppDbContext Create(DbContextOptions<AppDbContext> options, ICurrentUser? user = null, TimeProvider? clock = null, LaClock? laClock = null)
    {
        var db = new AppDbContext(options);
        db.ActAs(user, laClock ?? (clock is null ? SystemClock : new LaClock(clock)));
        return db;
    }

    /// <summary>Who acts, and on which clock, for as long as this context is lent to a scope.</summary>
    internal void ActAs(ICurrentUser? user, LaClock clock)
    {
        (_user, _clock, _scopeUrns) = (user ?? ActingUsers.Nobody, clock, null);
    }

    public override void Dispose()
    {
        ActAs(null, _clock);
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ActAs(null, _clock);
        return base.DisposeAsync();
    }

    public DbSet<LocalAuthority> LocalAuthorities => Set<LocalAuthority>();
    public DbSet<Locality> Localities => Set<Locality>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<ClusterMembership> ClusterMemberships => Set<ClusterMembership>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<SipAssignment> SipAssignments => Set<SipAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
    public DbSet<ImportLock> ImportLocks => Set<ImportLock>();
    public DbSet<PendingRecompute> PendingRecomputes => Set<PendingRecompute>();
    public DbSet<FiguresVersion> FiguresVersions => Set<FiguresVersion>();
    public DbSet<PupilDataBlock> PupilDataBlocks => Set<PupilDataBlock>();
    public DbSet<SurveyDataBlock> SurveyDataBlocks => Set<SurveyDataBlock>();
    public DbSet<IndicatorResultSet> IndicatorResults => Set<IndicatorResultSet>();
    public DbSet<SimilarSchoolSet> SimilarSchoolSets => Set<SimilarSchoolSet>();
    public DbSet<PublishedFigure> PublishedFigures => Set<PublishedFigure>();
    public DbSet<PublishedFileCoverage> PublishedFileCoverages => Set<PublishedFileCoverage>();
    public DbSet<OfstedInspection> OfstedInspections => Set<OfstedInspection>();
    public DbSet<SchoolTerm> SchoolTerms => Set<SchoolTerm>();
    public DbSet<ImprovingOutcomesCase> ProgrammeCases => Set<ImprovingOutcomesCase>();
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();
    public DbSet<SchoolJudgement> SchoolJudgements => Set<SchoolJudgement>();
    public DbSet<SchoolConcern> SchoolConcerns => Set<SchoolConcern>();
    public DbSet<RuleSetVersion> RuleSets => Set<RuleSetVersion>();
    public DbSet<LevelProposal> LevelProposals => Set<LevelProposal>();
    public DbSet<SchoolLevelDecision> SchoolLevels => Set<SchoolLevelDecision>();
    public DbSet<BoardMeeting> BoardMeetings => Set<BoardMeeting>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<HealthySchoolEngagement> HealthySchoolEngagements => Set<HealthySchoolEngagement>();
    public DbSet<LocalPriority> LocalPriorities => Set<LocalPriority>();
    public DbSet<HealthySchoolStatus> HealthySchoolStatuses => Set<HealthySchoolStatus>();
    public DbSet<AnnualReview> AnnualReviews => Set<AnnualReview>();
    public DbSet<ModerationDraw> ModerationDraws => Set<ModerationDraw>();
    public DbSet<Domain.Voice.SurveyWindow> SurveyWindows => Set<Domain.Voice.SurveyWindow>();
    public DbSet<Domain.Voice.SurveyCode> SurveyCodes => Set<Domain.Voice.SurveyCode>();
    public DbSet<Domain.QualityStandards.LaSelfEvaluationYear> LaSelfEvaluations => Set<Domain.QualityStandards.LaSelfEvaluationYear>();
    public DbSet<Domain.QualityStandards.NationalOfstedCount> NationalOfstedCounts => Set<Domain.QualityStandards.NationalOfstedCount>();
    public DbSet<Domain.LaIndicators.LaIndicatorFigure> LaIndicatorFigures => Set<Domain.LaIndicators.LaIndicatorFigure>();
    public DbSet<Domain.LaIndicators.StatisticalNeighbours> StatisticalNeighbours => Set<Domain.LaIndicators.StatisticalNeighbours>();
    public DbSet<Domain.Sip.RecordOfVisit> SipVisits => Set<Domain.Sip.RecordOfVisit>();
    public DbSet<Domain.Sip.PairedVisit> PairedVisits => Set<Domain.Sip.PairedVisit>();
    public DbSet<Domain.Sip.SipProfile> SipProfiles => Set<Domain.Sip.SipProfile>();
    public DbSet<Domain.Voice.WellbeingSelfEvaluation> WellbeingSelfEvaluations => Set<Domain.Voice.WellbeingSelfEvaluation>();
    public DbSet<Domain.Voice.PlanPriority> PlanPriorities => Set<Domain.Voice.PlanPriority>();
    public DbSet<Domain.Voice.SurveySummary> SurveySummaries => Set<Domain.Voice.SurveySummary>();

    public ICurrentUser CurrentUser => _user;
    public DateTime UtcNow => _clock.UtcNow;

    /// <summary>The LA's clock: its "today" is the LA's date, not the UTC date.</summary>
    public LaClock Clock => _clock;

    /// <summary>The LA's date today (<see cref="LaClock.Today"/>).</summary>
    public DateOnly Today() => _clock.Today;

    /// <summary>
    /// The error for a stale edit: who changed the record since the person opened it, by name and role when they are a
    /// user (as stored otherwise), and when, on the LA's clock.
    /// </summary>
    public DomainError Conflict(string what, string? by, DateTime? at)
    {
        var person = string.IsNullOrWhiteSpace(by) ? null
            : Users.AsNoTracking().Where(u => u.UserName == by || u.Email == by).Select(u => new { u.DisplayName, u.Role }).FirstOrDefault();
        var who = person is { DisplayName.Length: > 0 } ? $"{person.DisplayName} ({person.Role.DisplayName()})" : by;
        return CoreErrors.Conflict(what, who, at is { } utc ? _clock.LocalOf(utc) : null);
    }

    /// <summary>Records a read of sensitive (pupil-level) data; saved with the next <c>SaveChanges</c>.</summary>
    public void AuditRead(string entityType, string entityKey, int? schoolUrn, string? detail = null) =>
        AuditEntries.Add(ReadEntry(entityType, entityKey, schoolUrn, detail));

    /// <summary>The audit row of a read of sensitive (pupil-level) data by the acting user, now.</summary>
    public AuditEntry ReadEntry(string entityType, string entityKey, int? schoolUrn, string? detail = null) =>
        new(UtcNow, _user.UserId, _user.UserName, AuditAction.Read, entityType, entityKey, detail, schoolUrn);

    /// <summary>Nothing is saved, and no read recorded, without an acting user: a request's signed-in user, or a named system user.</summary>
    public void RequireActingUser()
    {
        if (!_user.IsSomeone())
            throw new InvalidOperationException("Nothing can be saved without an acting user: a request's signed-in user, or a named system user.");
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Second layer, under the authorization checks: every school-owned record is filtered to the roles the access
        // table lets read it and, for records held per school, to the acting user's schools.
        var filter = typeof(AppDbContext).GetMethod(nameof(FilterToReaders), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(ISchoolOwned).IsAssignableFrom(e.ClrType)).ToList())
            filter.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);

        // An attachment belongs to a record of any kind: its operations check the record's own rights; here, a school's
        // files are kept to the users of that school's scope, and files of LA records to the whole-LA roles.
        builder.Entity<Attachment>().HasQueryFilter(a =>
            SomeoneActs && (ScopeIsWholeLa || (a.SchoolUrn != null && ScopeUrns.Contains(a.SchoolUrn.Value))));
    }

    private void FilterToReaders<T>(ModelBuilder builder) where T : class, ISchoolOwned
    {
        var resource = T.Resource;
        if (AccessRules.IsHeldPerSchool(resource))
            builder.Entity<T>().HasQueryFilter(e => MayRead(resource) && (ScopeIsWholeLa || ScopeUrns.Contains(e.Urn)));
        else
            builder.Entity<T>().HasQueryFilter(e => MayRead(resource));
    }

    private bool MayRead(Resource resource) => _user.Role.Allows(resource, ResourceAction.Read);
    private bool SomeoneActs => _user.Role != null;
    private bool ScopeIsWholeLa => _user.Scope.WholeLa;
    private List<int> ScopeUrns => _scopeUrns ??= [.. _user.Scope.Urns];
    private List<int>? _scopeUrns;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        foreach (var enumType in typeof(School).Assembly.GetTypes().Where(t => t.IsEnum))
            builder.Properties(enumType).HaveConversion<string>().HaveMaxLength(60);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RequireActingUser();
        ChangeTracker.DetectChanges();
        var now = UtcNow;
        var pending = new List<(EntityEntry Entry, AuditAction Action, Dictionary<string, object?[]> Changes)>();

        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("The audit trail cannot be changed or deleted.");
                continue;
            }
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;

            if (entry.Entity is IVersioned versioned && entry.State != EntityState.Deleted)
                versioned.Stamp(_user.UserName, now, entry.State == EntityState.Added);

            if (!IsAudited(entry)) continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            var changes = DescribeChanges(entry);
            if (action == AuditAction.Updated && changes.Count == 0) continue;
            pending.Add((entry, action, changes));
        }

        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // Keys of added rows are only known after the insert, so audit rows are written after, in one transaction.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(false, cancellationToken);
            var audit = pending.Select(p =>
            {
                if (p.Action == AuditAction.Created) FillCreatedKeys(p.Entry, p.Changes);
                return new AuditEntry(now, _user.UserId, _user.UserName, p.Action, EntityName(p.Entry), KeyOf(p.Entry),
                    JsonSerializer.Serialize(p.Changes, AuditJson), SchoolOf(p.Entry.Entity));
            }).ToList();
            ChangeTracker.AcceptAllChanges();
            AuditEntries.AddRange(audit);
            await base.SaveChangesAsync(true, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>Every record but those marked <see cref="NotAuditedOnSaveAttribute"/> (each says why) and Identity's own tables.</summary>
    private static bool IsAudited(EntityEntry entry) => Audited.GetOrAdd(entry.Metadata.ClrType, type =>
        !Attribute.IsDefined(type, typeof(NotAuditedOnSaveAttribute)) && type.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) != true);

    private static readonly ConcurrentDictionary<Type, bool> Audited = new();

    private static string EntityName(EntityEntry entry) => entry.Metadata.ClrType.Name;

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    internal static int? SchoolOf(object entity) => entity switch
    {
        ISchoolOwned owned => owned.Urn,
        Attachment attachment => attachment.SchoolUrn,
        AppUser user => user.SchoolUrn,
        _ => null,
    };

    private static void FillCreatedKeys(EntityEntry entry, Dictionary<string, object?[]> changes)
    {
        foreach (var key in entry.Metadata.FindPrimaryKey()!.Properties)
            if (changes.ContainsKey(key.Name)) changes[key.Name] = [null, entry.Property(key.Name).CurrentValue];
    }

    /// <summary>Property name → [before, after], including the properties of complex types such as a school's GIAS details.</summary>
    private static Dictionary<string, object?[]> DescribeChanges(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        void Add(string name, object? before, object? after, bool modified)
        {
            if (SecretProperties.Contains(name))
            {
                if (modified) changes[name] = ["(hidden)", "(changed)"];
                return;
            }
            switch (entry.State)
            {
                case EntityState.Added: changes[name] = [null, after]; break;
                case EntityState.Deleted: changes[name] = [before, null]; break;
                default: if (modified && !Equals(before, after)) changes[name] = [before, after]; break;
            }
        }

        foreach (var property in entry.Properties)
            Add(property.Metadata.Name, property.OriginalValue, property.CurrentValue, property.IsModified);
        foreach (var complex in entry.ComplexProperties)
            foreach (var property in complex.Properties)
                Add($"{complex.Metadata.Name}.{property.Metadata.Name}", property.OriginalValue, property.CurrentValue, property.IsModified);
        return changes;
    }
}
