using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.QualityStandards;

public enum SelfEvaluationState
{
    Draft,
    SignedOff,
}

public enum SelfEvaluationMove
{
    SignOff,
    Reopen,
}

/// <summary>What a person gives when rating one standard for one phase.</summary>
public sealed record RatingInput(
    RagRating Rating, IReadOnlyCollection<string> CriteriaMet, string? Evidence, string? OverrideReason,
    RagRating? ExternalRating = null, string? ExternalNote = null);

/// <summary>
/// The LA's self-evaluation against its quality standards for one academic year: a rating for each standard and
/// phase, made by ticking the criteria met with evidence, under the critical criteria rule; drafted, then signed off
/// (<see cref="SelfEvaluationSteps"/>). Holds the version of the standards it was made against.
/// </summary>
public sealed class LaSelfEvaluationYear : VersionedEntity
{
    private readonly List<StandardRating> _ratings = [];

    private LaSelfEvaluationYear() { StandardsVersion = ""; }

    public LaSelfEvaluationYear(int academicYear, string standardsVersion)
    {
        AcademicYear = academicYear;
        StandardsVersion = standardsVersion;
        State = SelfEvaluationState.Draft;
    }

    public long Id { get; private set; }
    public int AcademicYear { get; private set; }
    public string StandardsVersion { get; private set; }
    public SelfEvaluationState State { get; private set; }
    public string? SignedOffBy { get; private set; }
    public DateTime? SignedOffAt { get; private set; }
    public string? SignOffReason { get; private set; }
    public IReadOnlyList<StandardRating> Ratings => _ratings;

    public StandardRating? RatingFor(string standardId, SefPhase phase) =>
        _ratings.FirstOrDefault(r => r.Phase == phase && string.Equals(r.StandardId, standardId, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Rates <paramref name="standard"/> for <paramref name="phase"/>. Computed criteria are taken as SchoolSight finds
    /// them unless the person ticks otherwise and says why; then the critical criteria rule decides whether the rating
    /// can be given. Refused with every reason, changing nothing.
    /// </summary>
    public StandardRating Rate(QualityStandard standard, SefPhase phase, RatingInput input, ComputedFigures figures, string by)
    {
        var errors = new List<DomainError>();
        if (State != SelfEvaluationState.Draft)
            throw new DomainException(DomainError.Rule("sef.signed-off", $"The self-evaluation for {Domain.AcademicYear.Format(AcademicYear)} is signed off: reopen it to change a rating."));
        if (!standard.AppliesTo(phase))
            throw new DomainException(DomainError.Rule("sef.phase", $"Standard {standard.Id} does not apply to {phase.Describe()}."));

        if (!Enum.IsDefined(input.Rating)) errors.Add(new DomainError("sef.rating", "Choose a rating", "Rating"));
        if (input.ExternalRating is { } external && !Enum.IsDefined(external)) errors.Add(new DomainError("sef.external", "Choose the external rating from the four ratings", "ExternalRating"));
        var applicable = standard.CriteriaFor(phase).ToList();
        var ticked = input.CriteriaMet.Select(id => id.Trim()).Where(id => id.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var unknown in ticked.Where(id => applicable.All(c => !string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))))
            errors.Add(new DomainError("sef.criterion", $"'{unknown}' is not a criterion of standard {standard.Id} for {phase.Describe()}.", "CriteriaMet"));

        // Computed criteria are as SchoolSight finds them; a person who ticks otherwise says why, and then their ticks stand.
        var reason = string.IsNullOrWhiteSpace(input.OverrideReason) ? null : input.OverrideReason.Trim();
        var overridden = applicable.Where(c => figures.Met(c, phase) is { } computed && computed != ticked.Contains(c.Id)).ToList();
        var claimed = overridden.FirstOrDefault(c => ticked.Contains(c.Id));
        if (claimed is not null && reason is null)
            errors.Add(new DomainError("sef.override", $"SchoolSight works out \"{claimed.Text}\" from its figures ({figures.For(claimed.Band!.Measure, phase)!.ValueText}) and finds it not met: give the reason for ticking it.", "OverrideReason"));
        var met = applicable.Where(c => reason is not null || figures.Met(c, phase) is null ? ticked.Contains(c.Id) : figures.Met(c, phase) == true)
            .Select(c => c.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (errors.Count == 0) errors.AddRange(RatingRules.Check(standard, phase, input.Rating, met));
        if (errors.Count > 0) throw new DomainException(errors[0], errors);

        var summary = string.Join("\n", applicable.Where(c => c.Band is not null).Select(c => c.Band!.Measure).Distinct()
            .Select(m => figures.For(m, phase)).OfType<ComputedFigure>().Select(f => $"{f.ValueText}: {f.HowWorkedOut}"));
        var rating = RatingFor(standard.Id, phase);
        if (rating is null)
        {
            rating = new StandardRating(standard.Id, phase);
            _ratings.Add(rating);
        }
        rating.Set(input with { OverrideReason = reason is not null && overridden.Count > 0 ? reason : null }, [.. met], summary, by);
        return rating;
    }

    /// <summary>The standards and phases still to rate before sign-off.</summary>
    public IReadOnlyList<(QualityStandard Standard, SefPhase Phase)> Unrated(QualityStandardSet standards) =>
        [.. standards.Standards.SelectMany(s => RagRatings.Phases.Where(s.AppliesTo).Select(p => (s, p))).Where(x => RatingFor(x.s.Id, x.p)?.Rating is null)];

    public void SignOff(MoveContext context, QualityStandardSet standards)
    {
        var decision = SelfEvaluationSteps.Workflow(standards).Fire(this, SelfEvaluationMove.SignOff, context, s => State = s)!;
        SignedOffBy = decision.By;
        SignedOffAt = decision.At;
        SignOffReason = decision.Reason;
    }

    public void Reopen(MoveContext context, QualityStandardSet standards)
    {
        SelfEvaluationSteps.Workflow(standards).Fire(this, SelfEvaluationMove.Reopen, context, s => State = s);
        SignedOffBy = null;
        SignedOffAt = null;
        SignOffReason = null;
    }
}

/// <summary>
/// One cell of the self-evaluation: a standard for a phase, its rating with the criteria met and the evidence, the
/// computed figures as they were when it was rated (and the reason for ticking otherwise), and the external reviewer's
/// judgement when it was given.
/// </summary>
public sealed class StandardRating : VersionedEntity
{
    private StandardRating() { StandardId = ""; CriteriaMet = ""; }

    public StandardRating(string standardId, SefPhase phase)
    {
        StandardId = standardId;
        Phase = phase;
        CriteriaMet = "";
    }

    public long Id { get; private set; }
    public long SelfEvaluationId { get; private set; }
    public string StandardId { get; private set; }
    public SefPhase Phase { get; private set; }
    public RagRating? Rating { get; private set; }

    /// <summary>The ids of the criteria met, separated by new lines.</summary>
    public string CriteriaMet { get; private set; }
    public string? Evidence { get; private set; }
    public string? ComputedFigures { get; private set; }
    public string? OverrideReason { get; private set; }
    public RagRating? ExternalRating { get; private set; }
    public string? ExternalNote { get; private set; }
    public string? RatedBy { get; private set; }

    public IReadOnlySet<string> Met => CriteriaMet.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Evidence lines: a document's or page's title, optionally followed by " | " and its link.</summary>
    public IReadOnlyList<(string Title, string? Link)> EvidenceItems =>
        [.. (Evidence ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(" | ", 2) is [var title, var link] ? (title.Trim(), (string?)link.Trim()) : (line, null))];

    public bool DiffersFromExternal => ExternalRating is { } e && Rating is { } r && e != r;

    internal void Set(RatingInput input, IReadOnlyList<string> met, string? computed, string by)
    {
        Rating = input.Rating;
        CriteriaMet = string.Join("\n", met);
        Evidence = string.IsNullOrWhiteSpace(input.Evidence) ? null : input.Evidence.Trim();
        ComputedFigures = string.IsNullOrWhiteSpace(computed) ? null : computed;
        OverrideReason = input.OverrideReason;
        ExternalRating = input.ExternalRating;
        ExternalNote = string.IsNullOrWhiteSpace(input.ExternalNote) ? null : input.ExternalNote.Trim();
        RatedBy = by;
    }
}
