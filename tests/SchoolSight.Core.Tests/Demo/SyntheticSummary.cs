using SchoolSight.Core.Demo.Synthetic;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Tests.Demo;

/// <summary>National rates over generated school-years, to hold the generator to the bands in docs/imports/synthetic-data.md.</summary>
public sealed class SyntheticSummary
{
    private readonly Dictionary<string, (double Sum, double SumSq, long Count)> _values = [];

    public long Pupils { get; private set; }
    public long SurveyRows { get; private set; }

    public void Add(SyntheticSchoolYear year)
    {
        var p = year.Pupils;
        Pupils += p.Count;
        var nc = p.Codes(PupilFields.NcYear);
        var fsm = p.Codes(PupilFields.Fsm);
        var sen = p.Codes(PupilFields.Sen);
        var care = p.Codes(PupilFields.InCare);
        var eal = p.Codes(PupilFields.Eal);
        var possible = p.Numbers(PupilFields.SessionsPossible);
        var missed = p.Numbers(PupilFields.SessionsMissed);
        var sick = p.Numbers(PupilFields.SicknessSessions);
        var susp = p.Numbers(PupilFields.Suspensions);
        for (var i = 0; i < p.Count; i++)
        {
            var isFsm = fsm[i] == 1;
            var group = isFsm ? "fsm" : "nonfsm";
            Share("fsm", isFsm);
            Share("sen.support", sen[i] == 2);
            Share("sen.ehcp", sen[i] == 3);
            Share("incare", care[i] == 1);
            Share("eal", eal[i] == 1);
            Share("boy", p.Code(PupilFields.Gender, i) == 1);
            Ratio("absence", missed[i], possible[i]);
            Ratio("sickness.share", sick[i], missed[i]);
            var persistent = missed[i] >= 0.1 * possible[i];
            Share("pa", persistent);
            Share($"pa.{group}", persistent);
            Share($"pa.sen", persistent, sen[i] > 1);
            var phase = nc[i] >= 8 ? "secondary" : "primary";
            Share($"suspended.{phase}", susp[i] > 0);
            Share($"permanent.{phase}", p.Code(PupilFields.PermanentlyExcluded, i) == 1);
            Share("pe", p.Code(PupilFields.PeTwoHours, i) == 1);
            Share($"meals.{group}", p.Code(PupilFields.SchoolMeals, i) == 1);
            switch (nc[i])
            {
                case 1:
                    Share("gld", p.Code(PupilFields.EyfsGld, i) == 1);
                    Share($"gld.{group}", p.Code(PupilFields.EyfsGld, i) == 1);
                    Value("eyfs.points", p.Number(PupilFields.EyfsPoints, i));
                    break;
                case 7:
                    var rwm = p.Code(PupilFields.Ks2RwmExp, i) == 1;
                    Share("rwm", rwm);
                    Share($"rwm.{group}", rwm);
                    Share("rwm.sen", rwm, sen[i] > 1);
                    Share("rwm.nonsen", rwm, sen[i] == 1);
                    Share("rwm.incare", rwm, care[i] == 1);
                    Share("ks2low", p.Code(PupilFields.Ks2Low, i) == 1);
                    Value("readprog", p.Number(PupilFields.Ks2ReadProg, i));
                    Value("matprog", p.Number(PupilFields.Ks2MatProg, i));
                    Value($"readprog.{group}", p.Number(PupilFields.Ks2ReadProg, i));
                    break;
                case 12:
                    Value("att8", p.Number(PupilFields.Ks4Att8, i));
                    Value($"att8.{group}", p.Number(PupilFields.Ks4Att8, i));
                    Value("p8", p.Number(PupilFields.Ks4P8, i));
                    Value($"p8.{group}", p.Number(PupilFields.Ks4P8, i));
                    Share("em94", p.Code(PupilFields.Ks4Em94, i) == 1);
                    Share("em95", p.Code(PupilFields.Ks4Em95, i) == 1);
                    Share("nopass", p.Code(PupilFields.Ks4NoPass, i) == 1);
                    Share("destination", p.Code(PupilFields.Destination, i) == 1);
                    break;
            }
        }
        var s = year.Survey;
        SurveyRows += s.Count;
        foreach (var q in SurveyFields.Questions)
        {
            var answers = s.Answers(q);
            for (var k = 0; k < s.Count; k++)
                if (answers[k] is >= 1 and <= 4) Share($"agree.{q.Column}", answers[k] <= 2);
        }
    }

    private void Share(string name, bool yes, bool include = true)
    {
        if (include) Value(name, yes ? 1 : 0);
    }

    private void Ratio(string name, double numerator, double denominator)
    {
        var (sum, _, count) = _values.GetValueOrDefault("#" + name);
        _values["#" + name] = (sum + numerator, 0, count + (long)denominator);
    }

    private void Value(string name, double value)
    {
        var (sum, sumSq, count) = _values.GetValueOrDefault(name);
        _values[name] = (sum + value, sumSq + value * value, count + 1);
    }

    /// <summary>The mean (a share for yes/no measures) or, for ratios, total numerator over total denominator.</summary>
    public double Mean(string name) =>
        _values.TryGetValue("#" + name, out var r) ? r.Sum / r.Count : _values[name].Sum / _values[name].Count;

    public double Sd(string name)
    {
        var (sum, sumSq, count) = _values[name];
        var mean = sum / count;
        return Math.Sqrt(sumSq / count - mean * mean);
    }

    public string Report() => string.Join(Environment.NewLine, _values.Keys.Order().Select(k =>
        k.StartsWith('#') ? $"{k[1..],-28} {Mean(k[1..]),8:0.0000}" : $"{k,-28} {Mean(k),8:0.0000}  sd {Sd(k):0.000}  n {_values[k].Count}"));
}
