using System.Buffers.Binary;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Tests.Voice;

/// <summary>A response's gender: kept in the survey store, from a file's column or the questionnaire's gender question.</summary>
public sealed class SurveyGenderTests
{
    private const string GenderScale = """
          - id: gender
            options:
              - { label: Boy, gender: boy }
              - { label: Girl, gender: girl }
              - { label: In another way, gender: other }
              - { label: Prefer not to say, view: false }

        questions:

        """;

    private static string WithGenderQuestions(int count)
    {
        var questions = string.Concat(Enumerable.Range(1, count).Select(i => $"""
              - column: Gender{i}
                outcome: StaySafe
                scale: gender
                pupils: {"{"} text: "Are you a boy or a girl?" {"}"}

            """));
        return Questionnaire.ReadShipped().Replace("\nquestions:\n", "\n" + GenderScale, StringComparison.Ordinal)
            .Replace("scoredScales: []", questions + "\nscoredScales: []", StringComparison.Ordinal);
    }

    [Fact]
    public void AQuestionnaireGenderQuestion_GivesTheGender_UnlessTheFileGaveOne()
    {
        var result = QuestionnaireParser.Parse(WithGenderQuestions(1));
        result.Errors.ShouldBeEmpty();
        var questionnaire = result.Questionnaire!;
        var question = questionnaire.GenderQuestion.ShouldNotBeNull();
        question.Column.ShouldBe("Gender1");

        var survey = new SurveyColumns(3, questionnaire.Questions.Count);
        survey.Answers(question)[0] = 2; // Girl
        survey.Answers(question)[1] = 4; // Prefer not to say
        survey.Answers(question)[2] = 2;
        survey.Genders[2] = (byte)SurveyGender.Boy; // as the file gave it

        Enumerable.Range(0, 3).Select(k => survey.GenderOf(k, questionnaire)).ShouldBe([SurveyGender.Girl, SurveyGender.NotGiven, SurveyGender.Boy]);
        Questionnaire.Shipped.GenderQuestion.ShouldBeNull();
    }

    [Fact]
    public void TwoGenderQuestions_AreAProblemOfTheFile()
    {
        var result = QuestionnaireParser.Parse(WithGenderQuestions(2));
        result.Questionnaire.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("only one question may give respondents' gender");
    }

    [Fact]
    public void TheStore_KeepsGenders_AndReadsBlocksStoredBeforeThemWithNoGender()
    {
        var survey = new SurveyColumns(2, 1);
        survey.RespondentTypes[0] = survey.RespondentTypes[1] = (byte)RespondentType.Pupil;
        survey.Genders[1] = (byte)SurveyGender.Girl;
        survey.Answers(0)[0] = 1;
        SurveyBlockCodec.Decode(SurveyBlockCodec.Encode(survey)).Genders.ShouldBe([(byte)0, (byte)SurveyGender.Girl]);

        var older = new byte[12 + 2 * 3]; // "SSS1": types, year groups, one question's answers
        "SSS1"u8.CopyTo(older);
        BinaryPrimitives.WriteInt32LittleEndian(older.AsSpan(4), 2);
        BinaryPrimitives.WriteInt32LittleEndian(older.AsSpan(8), 1);
        older[12] = older[13] = (byte)RespondentType.Pupil;
        older[16] = 3;
        var read = SurveyBlockCodec.Decode(older);
        read.Genders.ShouldBe([(byte)0, (byte)0]);
        read.Answers(0).ShouldBe([(byte)3, (byte)0]);
    }
}
