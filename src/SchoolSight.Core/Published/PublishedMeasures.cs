using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Published;

/// <summary>How a published column's values are read, checked and aggregated.</summary>
public enum PublishedUnit
{
    /// <summary>A whole number of pupils, not negative; areas add them up.</summary>
    Count,

    /// <summary>A percentage from 0 to 100 ("72%" or "72"); areas weight it by its cohort.</summary>
    Percentage,

    /// <summary>An average score (Attainment 8, scaled score): a decimal within the measure's range.</summary>
    Score,

    /// <summary>A progress score or its confidence limit: a signed decimal within the measure's range.</summary>
    Progress,
}

/// <summary>
/// One DfE column SchoolSight keeps, by its real published name. <see cref="Cohort"/> names the file's own column of
/// pupils the figure is about, used to aggregate schools to an area (<see cref="PublishedAggregation"/>); a progress
/// measure's <see cref="Coverage"/> is the percentage of that cohort who have a progress score.
/// <see cref="Minimum"/>..<see cref="Maximum"/> is the range a value may take: a value outside it is refused, and for
/// an aggregate it is the range an unknown pupil's value may take.
/// </summary>
public sealed record PublishedMeasure(string Column, PublishedUnit Unit, string Description)
{
    public string? Cohort { get; init; }
    public string? Coverage { get; init; }
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }

    /// <summary>A file without this column is refused: every year's file of this source has it.</summary>
    public bool Required { get; init; }

    /// <summary>A count the DfE may publish in halves (the census's LA rows, e.g. <c>NUMFSMEVER</c> 192.5): kept as published.</summary>
    public bool Halves { get; init; }

    public decimal Low => Minimum ?? (Unit is PublishedUnit.Percentage or PublishedUnit.Count ? 0 : decimal.MinValue);
    public decimal High => Maximum ?? (Unit == PublishedUnit.Percentage ? 100 : decimal.MaxValue);
}

/// <summary>
/// The headline columns SchoolSight keeps from each published file: the ones an LA uses (cohorts, the headline
/// attainment and progress measures with their confidence limits, the disadvantaged and other group breakdowns the
/// files carry, intake shares and absence), not every one of their 300 to 500 columns. Columns a given year's file
/// does not have are skipped, unless <see cref="PublishedMeasure.Required"/>. Documented per source in docs/imports.
/// </summary>
public static class PublishedMeasures
{
    private static PublishedMeasure Count(string column, string description, bool required = false) =>
        new(column, PublishedUnit.Count, description) { Required = required };

    private static PublishedMeasure CensusCount(string column, string description, bool required = false) =>
        Count(column, description, required) with { Halves = true };

    private static PublishedMeasure Percent(string column, string? cohort, string description, bool required = false) =>
        new(column, PublishedUnit.Percentage, description) { Cohort = cohort, Required = required };

    private static PublishedMeasure Score(string column, string cohort, decimal min, decimal max, string description, bool required = false) =>
        new(column, PublishedUnit.Score, description) { Cohort = cohort, Minimum = min, Maximum = max, Required = required };

    private static PublishedMeasure Progress(string column, string cohort, string? coverage, decimal limit, string description, bool required = false) =>
        new(column, PublishedUnit.Progress, description) { Cohort = cohort, Coverage = coverage, Minimum = -limit, Maximum = limit, Required = required };

    /// <summary>A KS2 pupil's progress score is their scaled score (80 to 120) less the estimate for their prior attainment.</summary>
    private const decimal Ks2ProgressLimit = 40;

    /// <summary>A KS4 pupil's Progress 8 score is a tenth of the gap between their Attainment 8 (0 to 90) and its estimate.</summary>
    private const decimal Ks4ProgressLimit = 10;

    public static readonly IReadOnlyList<PublishedMeasure> Ks2 =
    [
        Count("TOTPUPS", "Pupils on roll (all ages)"),
        Count("TELIG", "Pupils at the end of key stage 2 (the cohort)", required: true),
        Count("BELIG", "Boys at the end of key stage 2"),
        Count("GELIG", "Girls at the end of key stage 2"),
        Count("TFSM6CLA1A", "Disadvantaged pupils at the end of key stage 2"),
        Count("TNotFSM6CLA1A", "Other (not disadvantaged) pupils at the end of key stage 2"),
        Count("TEALGRP2", "Pupils with English as an additional language at the end of key stage 2"),
        Percent("PTFSM6CLA1A", "TELIG", "% of the cohort disadvantaged"),
        Percent("PTEALGRP2", "TELIG", "% of the cohort with English as an additional language"),
        Percent("PSENELSE", "TELIG", "% of the cohort with an EHC plan or statement"),
        Percent("PSENELK", "TELIG", "% of the cohort on SEN support"),
        Percent("PTRWM_EXP", "TELIG", "% reaching the expected standard in reading, writing and maths", required: true),
        Percent("PTRWM_HIGH", "TELIG", "% achieving a higher standard in reading, writing and maths"),
        Percent("PTREAD_EXP", "TELIG", "% reaching the expected standard in reading"),
        Percent("PTWRITTA_EXP", "TELIG", "% reaching the expected standard in writing (teacher assessment)"),
        Percent("PTMAT_EXP", "TELIG", "% reaching the expected standard in maths"),
        Percent("PTGPS_EXP", "TELIG", "% reaching the expected standard in grammar, punctuation and spelling"),
        Score("READ_AVERAGE", "TELIG", 80, 120, "Average scaled score in reading"),
        Score("MAT_AVERAGE", "TELIG", 80, 120, "Average scaled score in maths"),
        Progress("READPROG", "TELIG", "READCOV", Ks2ProgressLimit, "Reading progress score"),
        Progress("READPROG_LOWER", "TELIG", "READCOV", Ks2ProgressLimit, "Reading progress: lower confidence limit"),
        Progress("READPROG_UPPER", "TELIG", "READCOV", Ks2ProgressLimit, "Reading progress: upper confidence limit"),
        Percent("READCOV", "TELIG", "% of the cohort included in reading progress"),
        Progress("WRITPROG", "TELIG", "WRITCOV", Ks2ProgressLimit, "Writing progress score"),
        Progress("WRITPROG_LOWER", "TELIG", "WRITCOV", Ks2ProgressLimit, "Writing progress: lower confidence limit"),
        Progress("WRITPROG_UPPER", "TELIG", "WRITCOV", Ks2ProgressLimit, "Writing progress: upper confidence limit"),
        Percent("WRITCOV", "TELIG", "% of the cohort included in writing progress"),
        Progress("MATPROG", "TELIG", "MATCOV", Ks2ProgressLimit, "Maths progress score"),
        Progress("MATPROG_LOWER", "TELIG", "MATCOV", Ks2ProgressLimit, "Maths progress: lower confidence limit"),
        Progress("MATPROG_UPPER", "TELIG", "MATCOV", Ks2ProgressLimit, "Maths progress: upper confidence limit"),
        Percent("MATCOV", "TELIG", "% of the cohort included in maths progress"),
        Percent("PTRWM_EXP_FSM6CLA1A", "TFSM6CLA1A", "Disadvantaged pupils: % reaching the expected standard in reading, writing and maths"),
        Percent("PTRWM_EXP_NotFSM6CLA1A", "TNotFSM6CLA1A", "Other pupils: % reaching the expected standard in reading, writing and maths"),
        Percent("PTRWM_HIGH_FSM6CLA1A", "TFSM6CLA1A", "Disadvantaged pupils: % achieving a higher standard in reading, writing and maths"),
        Percent("PTRWM_EXP_B", "BELIG", "Boys: % reaching the expected standard in reading, writing and maths"),
        Percent("PTRWM_EXP_G", "GELIG", "Girls: % reaching the expected standard in reading, writing and maths"),
        Percent("PTRWM_EXP_EAL", "TEALGRP2", "Pupils with English as an additional language: % reaching the expected standard in reading, writing and maths"),
        Progress("READPROG_FSM6CLA1A", "TFSM6CLA1A", null, Ks2ProgressLimit, "Disadvantaged pupils: reading progress score"),
        Progress("WRITPROG_FSM6CLA1A", "TFSM6CLA1A", null, Ks2ProgressLimit, "Disadvantaged pupils: writing progress score"),
        Progress("MATPROG_FSM6CLA1A", "TFSM6CLA1A", null, Ks2ProgressLimit, "Disadvantaged pupils: maths progress score"),
    ];

    public static readonly IReadOnlyList<PublishedMeasure> Ks4 =
    [
        Count("TOTPUPS", "Pupils on roll (all ages)"),
        Count("TPUP", "Pupils at the end of key stage 4 (the cohort)", required: true),
        Count("P8PUP", "Pupils included in Progress 8"),
        Count("TFSM6CLA1A", "Disadvantaged pupils at the end of key stage 4"),
        Count("TNOTFSM6CLA1A", "Other (not disadvantaged) pupils at the end of key stage 4"),
        Percent("PTFSM6CLA1A", "TPUP", "% of the cohort disadvantaged"),
        Score("ATT8SCR", "TPUP", 0, 90, "Average Attainment 8 score", required: true),
        Progress("P8MEA", "P8PUP", null, Ks4ProgressLimit, "Progress 8 score", required: true),
        Progress("P8CILOW", "P8PUP", null, Ks4ProgressLimit, "Progress 8: lower confidence limit"),
        Progress("P8CIUPP", "P8PUP", null, Ks4ProgressLimit, "Progress 8: upper confidence limit"),
        Percent("P8MEACOV", "TPUP", "% of the cohort included in Progress 8"),
        Percent("PTL2BASICS_94", "TPUP", "% achieving grade 4 or above in English and maths"),
        Percent("PTL2BASICS_95", "TPUP", "% achieving grade 5 or above in English and maths"),
        Score("EBACCAPS", "TPUP", 0, 9, "EBacc average point score"),
        Percent("PTEBACC_E_PTQ_EE", "TPUP", "% entering the English Baccalaureate"),
        Percent("PTEBACC_94", "TPUP", "% achieving the English Baccalaureate at grade 4 or above"),
        Percent("PTEBACC_95", "TPUP", "% achieving the English Baccalaureate at grade 5 or above"),
        Score("ATT8SCR_FSM6CLA1A", "TFSM6CLA1A", 0, 90, "Disadvantaged pupils: average Attainment 8 score"),
        Score("ATT8SCR_NFSM6CLA1A", "TNOTFSM6CLA1A", 0, 90, "Other pupils: average Attainment 8 score"),
        Progress("P8MEA_FSM6CLA1A", "TFSM6CLA1A", null, Ks4ProgressLimit, "Disadvantaged pupils: Progress 8 score"),
        Progress("P8MEA_NFSM6CLA1A", "TNOTFSM6CLA1A", null, Ks4ProgressLimit, "Other pupils: Progress 8 score"),
        Percent("PTFSM6CLA1ABASICS_95", "TFSM6CLA1A", "Disadvantaged pupils: % achieving grade 5 or above in English and maths"),
        Percent("PTNOTFSM6CLA1ABASICS_95", "TNOTFSM6CLA1A", "Other pupils: % achieving grade 5 or above in English and maths"),
    ];

    public static readonly IReadOnlyList<PublishedMeasure> Census =
    [
        CensusCount("NOR", "Pupils on roll", required: true),
        CensusCount("TSENELSE", "Pupils with an EHC plan"),
        Percent("PSENELSE", "NOR", "% of pupils with an EHC plan"),
        CensusCount("TSENELK", "Pupils on SEN support"),
        Percent("PSENELK", "NOR", "% of pupils on SEN support"),
        CensusCount("NUMEAL", "Pupils whose first language is not English"),
        Percent("PNUMEAL", "NOR", "% of pupils whose first language is not English"),
        CensusCount("NUMFSM", "Pupils eligible for free school meals"),
        CensusCount("NUMFSMEVER", "Pupils eligible for free school meals at any time in the past 6 years"),
        CensusCount("NORFSMEVER", "Pupils counted for FSM at any time in the past 6 years"),
        Percent("PNUMFSMEVER", "NORFSMEVER", "% of pupils eligible for free school meals at any time in the past 6 years", required: true),
    ];

    public static readonly IReadOnlyList<PublishedMeasure> Absence =
    [
        // The absence file has no count of enrolments: its figures cannot be weighted into an area's.
        Percent("PERCTOT", null, "% of sessions missed through absence (authorised and unauthorised)", required: true),
        Percent("PPERSABS10", null, "% of enrolments who are persistent absentees (missing 10% or more of sessions)", required: true),
    ];

    public static IReadOnlyList<PublishedMeasure> For(PublishedSource source) => source switch
    {
        PublishedSource.Ks2 => Ks2,
        PublishedSource.Ks4 => Ks4,
        PublishedSource.Census => Census,
        PublishedSource.Absence => Absence,
        PublishedSource.Ofsted => [],
    };

    /// <summary>The prefix of a source's measure names: KS2, KS4, CENSUS, ABS.</summary>
    public static string Prefix(PublishedSource source) => source switch
    {
        PublishedSource.Ks2 => "KS2",
        PublishedSource.Ks4 => "KS4",
        PublishedSource.Census => "CENSUS",
        PublishedSource.Absence => "ABS",
        PublishedSource.Ofsted => "OFSTED",
    };

    /// <summary>"KS2.PTRWM_EXP".</summary>
    public static string Name(PublishedSource source, string column) => $"{Prefix(source)}.{column}";

    /// <summary>The catalogue entry of a measure name such as <c>KS4.P8MEA</c>, or null.</summary>
    public static PublishedMeasure? Find(string measure)
    {
        var dot = measure.IndexOf('.');
        if (dot < 0) return null;
        var prefix = measure[..dot];
        var source = Enum.GetValues<PublishedSource>().Where(s => Prefix(s) == prefix).Cast<PublishedSource?>().FirstOrDefault();
        return source is { } s ? For(s).FirstOrDefault(m => m.Column == measure[(dot + 1)..]) : null;
    }

    /// <summary>The area codes of England's rows that this source publishes, for documentation and pages.</summary>
    public static IReadOnlyList<string> EnglandCodes(PublishedSource source) => source switch
    {
        PublishedSource.Ks2 or PublishedSource.Ks4 => [AreaCodes.England, AreaCodes.EnglandStateFunded],
        PublishedSource.Census or PublishedSource.Absence => [AreaCodes.EnglandPhase("PRI"), AreaCodes.EnglandPhase("SEC"), AreaCodes.EnglandPhase("SPE")],
        PublishedSource.Ofsted => [],
    };
}
