using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Demo.Synthetic;

/// <summary>
/// The perception survey of one school and year: pupils from year 4 upward and parents (one per pupil) respond at the
/// school's response rates (20–60%). Agreement follows the school's climate (its effect, attendance and exclusions)
/// and the respondent's own attendance and suspensions; pupils give their gender; a few questions are left blank or answered "Don't know".
/// </summary>
internal static class SurveyResponses
{
    public const int FirstSurveyedYear = 4;

    /// <summary>How much more (or less) each question is agreed with, in <see cref="SurveyFields.Questions"/> order.</summary>
    private static readonly double[] QuestionShift = [0.45, -0.35, 0.3, 0.1, 0.0, -0.3, -0.1, 0.1];

    public static SurveyColumns Draw(PupilColumns pupils, IReadOnlyList<SyntheticPupil> roll, SchoolIntake intake, SyntheticRandom r)
    {
        var climate = intake.Climate + r.Normal(0, 0.15);
        var pupilRate = Math.Clamp(intake.PupilResponseRate + r.Normal(0, 0.04), 0.2, 0.6);
        var parentRate = Math.Clamp(intake.ParentResponseRate + r.Normal(0, 0.04), 0.2, 0.6);
        var possible = pupils.Numbers(PupilFields.SessionsPossible);
        var missed = pupils.Numbers(PupilFields.SessionsMissed);
        var suspensions = pupils.Numbers(PupilFields.Suspensions);
        var genders = pupils.Codes(PupilFields.Gender);

        var respondents = new List<(int Pupil, RespondentType Type)>();
        for (var i = 0; i < roll.Count; i++)
            if (roll[i].YearGroup >= FirstSurveyedYear && r.Chance(pupilRate * (suspensions[i] > 0 ? 0.7 : 1)))
                respondents.Add((i, RespondentType.Pupil));
        for (var i = 0; i < roll.Count; i++)
            if (r.Chance(parentRate)) respondents.Add((i, RespondentType.Parent));

        var survey = new SurveyColumns(respondents.Count);
        var answers = SurveyFields.Questions.Select(survey.Answers).ToArray();
        for (var k = 0; k < respondents.Count; k++)
        {
            var (i, type) = respondents[k];
            survey.RespondentTypes[k] = (byte)type;
            survey.YearGroups[k] = SyntheticSchool.YearCode(roll[i].YearGroup);
            // Pupils give their gender (as on the school's roll); parents are not asked theirs.
            if (type == RespondentType.Pupil) survey.Genders[k] = (byte)(genders[i] == 1 ? SurveyGender.Boy : SurveyGender.Girl);
            var absence = possible[i] > 0 ? missed[i] / possible[i] : 0;
            var own = 0.5 * climate - 2.5 * (absence - 0.06) - (suspensions[i] > 0 ? 0.4 : 0) + (type == RespondentType.Parent ? 0.15 : 0) + r.Normal(0, 0.35);
            for (var q = 0; q < answers.Length; q++)
            {
                var dontKnow = type == RespondentType.Parent && q is 1 or 5 or 6 ? 0.1 : 0.04;
                var draw = r.NextDouble();
                answers[q][k] = draw < 0.03 ? (byte)0
                    : draw < 0.03 + dontKnow ? SurveyFields.DontKnow
                    : Agreement(own + QuestionShift[q] + r.Normal(0, 0.95));
            }
        }
        return survey;
    }

    /// <summary>A nursery school's survey: parents only (one per child), at the school's response rate, following its climate.</summary>
    public static SurveyColumns DrawParents(int children, SchoolIntake intake, SyntheticRandom r)
    {
        var climate = intake.Climate + r.Normal(0, 0.15);
        var parentRate = Math.Clamp(intake.ParentResponseRate + r.Normal(0, 0.04), 0.2, 0.6);
        var count = Enumerable.Range(0, children).Count(_ => r.Chance(parentRate));
        var survey = new SurveyColumns(count);
        var answers = SurveyFields.Questions.Select(survey.Answers).ToArray();
        for (var k = 0; k < count; k++)
        {
            survey.RespondentTypes[k] = (byte)RespondentType.Parent;
            var own = 0.5 * climate + 0.15 + r.Normal(0, 0.35);
            for (var q = 0; q < answers.Length; q++)
            {
                var draw = r.NextDouble();
                answers[q][k] = draw < 0.03 ? (byte)0 : draw < 0.03 + (q is 1 or 5 or 6 ? 0.1 : 0.04) ? SurveyFields.DontKnow : Agreement(own + QuestionShift[q] + r.Normal(0, 0.95));
            }
        }
        return survey;
    }

    private static byte Agreement(double latent) => latent switch
    {
        > 1.0 => SurveyFields.StronglyAgree,
        > -0.9 => SurveyFields.Agree,
        > -1.8 => SurveyFields.Disagree,
        _ => SurveyFields.StronglyDisagree,
    };
}
