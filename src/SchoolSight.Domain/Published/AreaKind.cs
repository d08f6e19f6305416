namespace SchoolSight.Domain.Published;

/// <summary>
/// The area codes published figures use. A school is its URN ("116432"), an LA its three-digit DfE code ("850"),
/// England the ONS code <see cref="England"/>. The DfE publishes more than one England row in some files; each keeps
/// its own code: all schools (<see cref="England"/>), state-funded schools only (<see cref="EnglandStateFunded"/>),
/// and the census and absence files' national rows by phase (<c>E92000001-PRI</c>, <c>-SEC</c>, <c>-SPE</c>). An LA's
/// census and absence rows are by phase too (<c>850-PRI</c>).
/// </summary>
public static class AreaCodes
{
    public const string England = "E92000001";
    public const string EnglandStateFunded = "E92000001-SF";

    /// <summary>The national row of one phase, e.g. <c>E92000001-PRI</c> for the census's state-funded primary schools.</summary>
    public static string EnglandPhase(string phase) => $"{England}-{phase}";

    /// <summary>An LA's row of one phase, e.g. <c>850-PRI</c> for the census's LA row of its state-funded primary schools.</summary>
    public static string LaPhase(int la, string phase) => $"{la}-{phase}";
}
