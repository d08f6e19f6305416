using SchoolSight.Domain.Indicators;

namespace SchoolSight.Domain.Tests.Indicators;

public sealed class QuestionnaireParserTests
{
    private const string Scales = """
        version: "2"
        name: Test survey
        scales:
          - id: agree
            options:
              - { label: Yes, agrees: true }
              - { label: No }
              - { label: "Don't know", view: false }
          - id: often
            options:
              - { label: Never, score: 0 }
              - { label: Sometimes, score: 1 }
              - { label: Often, score: 2 }
        """;

    private static QuestionnaireParseResult Parse(string questions, string extra = "") => QuestionnaireParser.Parse($"""
        {Scales}
        questions:
        {questions}
        {extra}
        """);

    private const string TwoQuestions = """
          - column: Calm
            outcome: BeHealthy
            scale: often
            pupils: { text: "I feel calm", from: 5, to: 11 }
          - column: Happy
            outcome: BeHealthy
            scale: often
            pupils: { text: "I feel happy", from: 7, to: 9 }
            parents: { text: "My child is happy" }
        """;

    [Fact]
    public void TheShippedQuestionnaire_HasTodaysEightQuestionsOnTheAgreeScale()
    {
        var shipped = Questionnaire.Shipped;
        shipped.Questions.Select(q => q.Column).ShouldBe(["FeelSafe", "BullyingDealtWith", "HealthyEating", "HelpsHealthy", "EnjoySchool", "ViewsListenedTo", "HelpsCommunity", "PreparedForFuture"]);
        shipped.Questions.ShouldAllBe(q => q.PupilText != null && q.ParentText != null && q.Indicators.Count == 2);
        shipped.Questions[0].Scale.Options.Select(o => o.Label).ShouldBe(["Strongly agree", "Agree", "Disagree", "Strongly disagree", "Don't know"]);
        SurveyFields.AnswerCode("don\u2019t know").ShouldBe(SurveyFields.DontKnow);
        SurveyFields.AnswerCode("Agree").ShouldBe(SurveyFields.Agree);
    }

    [Fact]
    public void AValidFile_GivesQuestionsInOrderWithWhoAnswersThem()
    {
        var result = Parse(TwoQuestions);
        result.Errors.ShouldBeEmpty();
        var q = result.Questionnaire!;
        q.Version.ShouldBe("2");
        q.Questions.Select(x => (x.Index, x.Column)).ShouldBe([(0, "Calm"), (1, "Happy")]);
        q.ForPupil(6).Select(x => x.Column).ShouldBe(["Calm"]);   // code 6 is Year 5
        q.ForPupil(9).Select(x => x.Column).ShouldBe(["Calm", "Happy"]);
        q.ForParents().Select(x => x.Column).ShouldBe(["Happy"]);
        q.Questions[1].TextFor(RespondentType.Parent).ShouldBe("My child is happy");
    }

    [Fact]
    public void AScoredScale_SumsItsItemsAndBandsTheTotal()
    {
        var result = Parse(TwoQuestions, """
            scoredScales:
              - id: wellbeing
                name: Short well-being scale
                items: [Calm, Happy]
                bands:
                  - { name: Low, from: 0, to: 1 }
                  - { name: Typical, from: 2, to: 4 }
            """);
        result.Errors.ShouldBeEmpty();
        var scale = result.Questionnaire!.ScoredScales.ShouldHaveSingleItem();
        var score = scale.Score(q => q.Column == "Calm" ? (byte)3 : (byte)2);
        score.ShouldBe(3);
        scale.Band(score!.Value)!.Name.ShouldBe("Typical");
        scale.Score(q => q.Column == "Calm" ? (byte)0 : (byte)2).ShouldBeNull();
    }

    [Fact]
    public void Errors_AreReportedByLineAndColumn_AllAtOnce()
    {
        // Lines: 1 version, 2 name, 3 scales … 14 'questions:'.
        var result = Parse("""
              - column: Calm
                outcome: BeWealthy
                scale: sometimes
                pupils: { text: "I feel calm", from: 5, to: 14 }
              - column: calm
                outcome: BeHealthy
                scale: often
                colour: blue
            """);
        result.Questionnaire.ShouldBeNull();
        result.Errors.Select(e => (e.Line, e.Column)).ShouldBe([(16, 14), (17, 12), (18, 49), (19, 5), (19, 13), (22, 5)]);
        result.Errors[0].Message.ShouldContain("'BeWealthy' is not an Every Child Matters outcome");
        result.Errors[1].Message.ShouldContain("'sometimes' is not an answer scale");
        result.Errors[2].Message.ShouldContain("'14' is not a year group");
        result.Errors[3].Message.ShouldContain("Nobody answers question 'calm'");
        result.Errors[4].Message.ShouldContain("Column 'calm' is used by another question");
        result.Errors[5].Message.ShouldContain("'colour' is not a key of a question");
        result.Errors[0].ToString().ShouldStartWith("line 16, column 14: ");
    }

    [Fact]
    public void BrokenYaml_IsReportedWhereItBreaks()
    {
        var error = QuestionnaireParser.Parse("version: 1\nname: Test\nquestions:\n  - column: A\n    outcome: \"BeHealthy\n").Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((5, 14));
        error.Message.ShouldStartWith("The file is not valid YAML");
    }

    [Fact]
    public void AScoredScale_WithUnknownItemsOrOverlappingBands_IsRefused()
    {
        var result = Parse(TwoQuestions, """
            scoredScales:
              - id: wellbeing
                name: Short well-being scale
                items: [Calm, Sleepy]
                bands:
                  - { name: Low, from: 0, to: 2 }
                  - { name: Typical, from: 2, to: 4 }
            """);
        result.Questionnaire.ShouldBeNull();
        result.Errors.Select(e => e.Message).ShouldBe([
            "'Sleepy' is not a question of this file",
            "Band 'Typical' of scored scale 'wellbeing' overlaps band 'Low'",
        ]);
    }

    [Fact]
    public void AReplacement_MustKeepTheEarlierQuestionsInOrder()
    {
        var result = Parse(TwoQuestions);
        var swapped = Parse("""
              - column: Happy
                outcome: BeHealthy
                scale: often
                pupils: { text: "I feel happy" }
              - column: Calm
                outcome: BeHealthy
                scale: often
                pupils: { text: "I feel calm" }
              - column: Rested
                outcome: BeHealthy
                scale: often
                pupils: { text: "I sleep well" }
            """);
        var errors = QuestionnaireParser.CheckKeeps(swapped.Questionnaire!, result.Questionnaire!);
        errors.Select(e => e.Line).ShouldBe([15, 19]);
        errors[0].Message.ShouldContain("Question 1 must be 'Calm'");

        var extended = Parse(TwoQuestions + "\n" + """
              - column: Rested
                outcome: BeHealthy
                scale: often
                pupils: { text: "I sleep well" }
            """);
        QuestionnaireParser.CheckKeeps(extended.Questionnaire!, result.Questionnaire!).ShouldBeEmpty();
    }
}
