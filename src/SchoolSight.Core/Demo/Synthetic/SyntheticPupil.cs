namespace SchoolSight.Core.Demo.Synthetic;

/// <summary>
/// One pupil as the generator follows them from year to year in a school: the reference and characteristics they keep
/// (some, such as FSM and SEN, may change), and their lasting tendencies (ability, attendance, behaviour) from which
/// each year's results are drawn.
/// </summary>
internal sealed class SyntheticPupil
{
    public const byte SenNone = 1, SenSupport = 2, SenPlan = 3;

    public required string Ref { get; init; }
    public int YearGroup { get; set; }
    public bool Boy { get; init; }
    public bool Fsm { get; set; }
    public byte Sen { get; set; }
    public bool InCare { get; set; }
    public bool Eal { get; init; }

    /// <summary>1–7: the code of <c>PupilFields.Ethnicity</c>.</summary>
    public byte Ethnicity { get; init; }

    /// <summary>Attainment tendency in standard deviations of pupils; lower with FSM, SEN and care, as nationally.</summary>
    public double Ability { get; init; }
    public double Attendance { get; init; }
    public double Behaviour { get; init; }

    /// <summary>Key stage 1 average point score, the prior attainment of key stage 2.</summary>
    public float Ks1Aps { get; init; }

    /// <summary>Key stage 2 average scaled score, the prior attainment of key stage 4.</summary>
    public float Ks2Scaled { get; init; }

    /// <summary>Joined during this academic year (not at the usual start), so has fewer sessions possible.</summary>
    public bool JoinedThisYear { get; set; }
}
