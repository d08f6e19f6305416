using System.Globalization;
using System.Runtime.CompilerServices;

namespace SchoolSight.Domain.Indicators;

public enum ComparisonOperator
{
    Equal,
    In,
    Present,
    GreaterOrEqual,
    GreaterThan,
    LessOrEqual,
    LessThan,
}

/// <summary>One test on a pupil's field: <c>FSM = Y</c>, <c>SEN in K,E</c>, <c>KS4_ATT8 present</c>, <c>Suspensions &gt;= 1</c>,
/// or on the ratio of two number fields: <c>SessionsMissed / SessionsPossible &gt;= 0.1</c>.</summary>
public sealed record PupilTest(PupilField Field, ComparisonOperator Operator, uint CodeMask = 0, double Number = 0, PupilField? Divisor = null);

/// <summary>A condition on a pupil: tests joined by "and", written as text in the catalogue.</summary>
public sealed record PupilCondition(IReadOnlyList<PupilTest> Tests, string Text)
{
    public override string ToString() => Text;

    /// <summary>Reads "FIELD = V and FIELD in A,B and FIELD present and FIELD &gt;= n and A / B &gt;= r"; errors say what is wrong.</summary>
    public static PupilCondition Parse(string text, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var tests = new List<PupilTest>();
        foreach (var part in text.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var test = ParseTest(part, problems);
            if (test is not null) tests.Add(test);
        }
        if (tests.Count == 0 && problems.Count == 0) problems.Add("The condition is empty.");
        errors = problems;
        return new PupilCondition(tests, text);
    }

    private static PupilTest? ParseTest(string part, List<string> problems)
    {
        var words = part.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        PupilField? Field(string name)
        {
            var field = PupilFields.Find(name);
            if (field is null) problems.Add($"'{name}' is not a pupil field.");
            return field;
        }
        if (words.Length == 2 && words[1] == "present")
            return Field(words[0]) is { } f ? new PupilTest(f, ComparisonOperator.Present) : null;

        // A ratio: "A / B >= 0.1".
        if (words.Length == 3 && words[1] == "/")
        {
            var rest = words[2].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (rest.Length != 3) { problems.Add($"'{part}' should read 'A / B >= number'."); return null; }
            var (a, b) = (Field(words[0]), Field(rest[0]));
            var op = NumberOperator(rest[1]);
            if (a is null || b is null) return null;
            if (a.Kind != PupilFieldKind.Number || b.Kind != PupilFieldKind.Number) { problems.Add($"'{part}': a ratio needs two number fields."); return null; }
            if (op is null || !double.TryParse(rest[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var r)) { problems.Add($"'{part}' should compare the ratio with a number (>=, >, <=, <)."); return null; }
            return new PupilTest(a, op.Value, Number: r, Divisor: b);
        }
        if (words.Length != 3) { problems.Add($"'{part}' should read 'FIELD = value', 'FIELD in a,b', 'FIELD present' or 'FIELD >= number'."); return null; }
        var field = Field(words[0]);
        if (field is null) return null;
        switch (words[1])
        {
            case "=" or "in" when field.Kind == PupilFieldKind.Code:
                uint mask = 0;
                foreach (var value in words[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var code = field.CodeOf(value);
                    if (code == 0) problems.Add($"'{value}' is not a value of {field.Name} (it takes {string.Join(", ", field.AllowedCodes)}).");
                    mask |= 1u << code;
                }
                return new PupilTest(field, words[1] == "=" ? ComparisonOperator.Equal : ComparisonOperator.In, CodeMask: mask);
            case "=" or "in":
                problems.Add($"{field.Name} is a number: compare it with >=, >, <= or <.");
                return null;
            default:
                var numberOp = NumberOperator(words[1]);
                if (numberOp is null) { problems.Add($"'{words[1]}' is not a comparison (use =, in, present, >=, >, <=, <)."); return null; }
                if (field.Kind != PupilFieldKind.Number) { problems.Add($"{field.Name} takes codes ({string.Join(", ", field.AllowedCodes)}): use = or in."); return null; }
                if (!double.TryParse(words[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) { problems.Add($"'{words[2]}' is not a number."); return null; }
                return new PupilTest(field, numberOp.Value, Number: n);
        }
    }

    private static ComparisonOperator? NumberOperator(string text) => text switch
    {
        ">=" => ComparisonOperator.GreaterOrEqual,
        ">" => ComparisonOperator.GreaterThan,
        "<=" => ComparisonOperator.LessOrEqual,
        "<" => ComparisonOperator.LessThan,
        _ => null,
    };

    /// <summary>Marks with 1 the pupils meeting the condition (column by column, so each test is one tight loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(PupilColumns pupils, Span<byte> result)
    {
        result.Fill(1);
        foreach (var test in Tests)
        {
            if (test.Field.Kind == PupilFieldKind.Code)
            {
                var codes = pupils.Codes(test.Field);
                var mask = test.Operator == ComparisonOperator.Present ? ~1u : test.CodeMask;
                for (var i = 0; i < result.Length; i++) result[i] &= (byte)((mask >> codes[i]) & 1);
                continue;
            }
            var values = pupils.Numbers(test.Field);
            if (test.Operator == ComparisonOperator.Present)
            {
                for (var i = 0; i < result.Length; i++) result[i] &= float.IsNaN(values[i]) ? (byte)0 : (byte)1;
                continue;
            }
            var divisor = test.Divisor is null ? null : pupils.Numbers(test.Divisor);
            var limit = test.Number;
            for (var i = 0; i < result.Length; i++)
            {
                double x = values[i];
                if (divisor is not null) x = divisor[i] > 0 ? x / divisor[i] : double.NaN;
                var pass = test.Operator switch
                {
                    ComparisonOperator.GreaterOrEqual => x >= limit,
                    ComparisonOperator.GreaterThan => x > limit,
                    ComparisonOperator.LessOrEqual => x <= limit,
                    ComparisonOperator.LessThan => x < limit,
                    _ => false,
                };
                result[i] &= pass ? (byte)1 : (byte)0;
            }
        }
    }
}

/// <summary>A test on a school's own indicator value, e.g. "KS2_RWM_EXP &lt; 65".</summary>
public sealed record SchoolTest(string IndicatorId, ComparisonOperator Operator, double Number);

/// <summary>A condition on a school's indicator values (tests joined by "and"), e.g. the floor standard.</summary>
public sealed record SchoolCondition(IReadOnlyList<SchoolTest> Tests, string Text)
{
    public override string ToString() => Text;

    public static SchoolCondition Parse(string text, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var tests = new List<SchoolTest>();
        foreach (var part in text.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            ComparisonOperator? op = words.Length == 3 ? words[1] switch
            {
                ">=" => ComparisonOperator.GreaterOrEqual,
                ">" => ComparisonOperator.GreaterThan,
                "<=" => ComparisonOperator.LessOrEqual,
                "<" => ComparisonOperator.LessThan,
                _ => null,
            } : null;
            if (op is null || !double.TryParse(words[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                problems.Add($"'{part}' should read 'INDICATOR < number' (or >=, >, <=).");
                continue;
            }
            tests.Add(new SchoolTest(words[0], op.Value, n));
        }
        if (tests.Count == 0 && problems.Count == 0) problems.Add("The school condition is empty.");
        errors = problems;
        return new SchoolCondition(tests, text);
    }

    /// <summary>True or false when every value is known; null when one is missing (the school is then not counted).</summary>
    public bool? Holds(Func<string, double?> valueOf)
    {
        foreach (var test in Tests)
        {
            if (valueOf(test.IndicatorId) is not { } x) return null;
            var pass = test.Operator switch
            {
                ComparisonOperator.GreaterOrEqual => x >= test.Number,
                ComparisonOperator.GreaterThan => x > test.Number,
                ComparisonOperator.LessOrEqual => x <= test.Number,
                ComparisonOperator.LessThan => x < test.Number,
                _ => false,
            };
            if (!pass) return false;
        }
        return true;
    }
}
