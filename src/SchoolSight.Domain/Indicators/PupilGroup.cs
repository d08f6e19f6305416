namespace SchoolSight.Domain.Indicators;

/// <summary>The pupil groups every indicator is computed for (DOMAIN.md 3.2).</summary>
public enum PupilGroup : byte
{
    All,
    Fsm,
    NonFsm,
    Sen,
    NonSen,
    InCare,
    NotInCare,
    Eal,
    NonEal,
    Boys,
    Girls,
}

/// <summary>
/// Pupils are counted once, in one of 32 cells (FSM × SEN × in care × EAL × gender); a group is a set of cells, so
/// counting a pupil costs one addition whatever the number of groups.
/// </summary>
public static class PupilGroups
{
    public static readonly IReadOnlyList<PupilGroup> All = Enum.GetValues<PupilGroup>();
    public const int CellCount = 32;

    private const int FsmBit = 1, SenBit = 2, InCareBit = 4, EalBit = 8, BoyBit = 16;

    public static int CellOf(bool fsm, bool sen, bool inCare, bool eal, bool boy) =>
        (fsm ? FsmBit : 0) | (sen ? SenBit : 0) | (inCare ? InCareBit : 0) | (eal ? EalBit : 0) | (boy ? BoyBit : 0);

    /// <summary>Whether pupils of <paramref name="cell"/> are in <paramref name="group"/>.</summary>
    public static bool Contains(this PupilGroup group, int cell) => group switch
    {
        PupilGroup.All => true,
        PupilGroup.Fsm => (cell & FsmBit) != 0,
        PupilGroup.NonFsm => (cell & FsmBit) == 0,
        PupilGroup.Sen => (cell & SenBit) != 0,
        PupilGroup.NonSen => (cell & SenBit) == 0,
        PupilGroup.InCare => (cell & InCareBit) != 0,
        PupilGroup.NotInCare => (cell & InCareBit) == 0,
        PupilGroup.Eal => (cell & EalBit) != 0,
        PupilGroup.NonEal => (cell & EalBit) == 0,
        PupilGroup.Boys => (cell & BoyBit) != 0,
        PupilGroup.Girls => (cell & BoyBit) == 0,
    };

    /// <summary>Each pupil's cell, from the characteristics every row carries.</summary>
    public static byte[] Cells(PupilColumns pupils)
    {
        var fsm = pupils.Codes(PupilFields.Fsm);
        var sen = pupils.Codes(PupilFields.Sen);
        var care = pupils.Codes(PupilFields.InCare);
        var eal = pupils.Codes(PupilFields.Eal);
        var gender = pupils.Codes(PupilFields.Gender);
        const byte yes = 1, none = 1, male = 1;
        var cells = new byte[pupils.Count];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = (byte)CellOf(fsm[i] == yes, sen[i] > none, care[i] == yes, eal[i] == yes, gender[i] == male);
        return cells;
    }

    public static string DisplayName(this PupilGroup group) => group switch
    {
        PupilGroup.All => "All pupils",
        PupilGroup.Fsm => "Free school meals",
        PupilGroup.NonFsm => "Not free school meals",
        PupilGroup.Sen => "Special educational needs",
        PupilGroup.NonSen => "No special educational needs",
        PupilGroup.InCare => "Children in care",
        PupilGroup.NotInCare => "Not in care",
        PupilGroup.Eal => "English as an additional language",
        PupilGroup.NonEal => "English as a first language",
        PupilGroup.Boys => "Boys",
        PupilGroup.Girls => "Girls",
    };
}
