using SchoolSight.Domain.Indicators;

namespace SchoolSight.TestSupport;

/// <summary>Builds a school-year's pupils row by row for tests, with every required field filled.</summary>
public sealed class PupilBuilder
{
    private readonly List<Dictionary<string, string>> _rows = [];

    public PupilBuilder Add(int count, params (string Field, string Value)[] values)
    {
        for (var i = 0; i < count; i++)
        {
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["NCYear"] = "6",
                ["Gender"] = "F",
                ["FSM"] = "N",
                ["SEN"] = "N",
                ["InCare"] = "N",
                ["EAL"] = "N",
                ["Ethnicity"] = "WHIT",
                ["SessionsPossible"] = "300",
                ["SessionsMissed"] = "10",
                ["SicknessSessions"] = "5",
                ["Suspensions"] = "0",
                ["PermanentlyExcluded"] = "N",
            };
            foreach (var (field, value) in values) row[field] = value;
            _rows.Add(row);
        }
        return this;
    }

    public PupilColumns Build()
    {
        var pupils = new PupilColumns(_rows.Count);
        for (var i = 0; i < _rows.Count; i++)
        {
            pupils.PupilRefs[i] = $"P{i:00000}";
            foreach (var (name, value) in _rows[i])
            {
                var field = PupilFields.Find(name) ?? throw new ArgumentException(name);
                if (field.Kind == PupilFieldKind.Code) pupils.Codes(field)[i] = field.CodeOf(value);
                else pupils.Numbers(field)[i] = float.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return pupils;
    }
}
