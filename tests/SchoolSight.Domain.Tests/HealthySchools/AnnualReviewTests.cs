using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Domain.Tests.HealthySchools;

public sealed class AnnualReviewTests
{
    private static readonly ReviewCriteria Criteria = ReviewCriteria.Shipped;
    private static readonly DateOnly Today = EnhancementModelTests.Today;

    private static AnnualReview Confirmed()
    {
        var review = AnnualReview.Start(999001, 2026, Criteria, EnhancementModelTests.Head);
        foreach (var c in Criteria.All) review.Confirm(Criteria, c.Id, $"Evidence for {c.Id}", EnhancementModelTests.Head, Today);
        return review;
    }

    [Fact]
    public void TheShippedCriteria_HaveTheFourThemes()
    {
        Criteria.Themes.Select(t => t.Id).ShouldBe(ReviewCriteria.ThemeIds);
        Criteria.Themes.ShouldAllBe(t => t.Criteria.Count > 0);
    }

    [Fact]
    public void SelfValidation_IsRefusedNamingEveryUnconfirmedCriterion()
    {
        var review = AnnualReview.Start(999001, 2026, Criteria, EnhancementModelTests.Head);
        review.Confirm(Criteria, Criteria.All.First().Id, "The PSHE scheme of work", EnhancementModelTests.Head, Today);
        var refused = Should.Throw<DomainException>(() => review.SelfValidate(Criteria, EnhancementModelTests.Head, Today));
        refused.Errors.Count.ShouldBe(Criteria.All.Count() - 1);
        refused.Errors.ShouldAllBe(e => e.Code == "healthy.criterion-unconfirmed");
        review.IsSelfValidated.ShouldBeFalse();
    }

    [Fact]
    public void AConfirmedReview_IsSelfValidated_ThenCannotChange()
    {
        var review = Confirmed();
        review.SelfValidate(Criteria, EnhancementModelTests.Head, Today);
        review.SelfValidatedOn.ShouldBe(Today);
        Should.Throw<DomainException>(() => review.Confirm(Criteria, Criteria.All.First().Id, "More", EnhancementModelTests.Head, Today)).Errors.Single().Code.ShouldBe("healthy.review-validated");
    }

    [Fact]
    public void EvidenceIsRequired_TheCriterionMustBeTheFiles_AndOnlyTheSchoolOrCoordinatorConfirms()
    {
        var review = AnnualReview.Start(999001, 2026, Criteria, EnhancementModelTests.Coordinator);
        Should.Throw<DomainException>(() => review.Confirm(Criteria, Criteria.All.First().Id, " ", EnhancementModelTests.Head, Today)).Errors.Single().Field.ShouldBe("Evidence");
        Should.Throw<DomainException>(() => review.Confirm(Criteria, "no-such", "x", EnhancementModelTests.Head, Today)).Errors.Single().Code.ShouldBe("healthy.criterion");
        Should.Throw<DomainException>(() => review.Confirm(Criteria, Criteria.All.First().Id, "x", EnhancementModelTests.Governor, Today)).Errors.Single().Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public void ADrawnReview_IsModeratedOnlyByItsPanelMember_AndADisagreementSaysWhy()
    {
        var review = Confirmed();
        Should.Throw<DomainException>(() => review.DrawForModeration(1, EnhancementModelTests.Quas.Name)).Errors.Single().Code.ShouldBe("healthy.review-not-validated");
        review.SelfValidate(Criteria, EnhancementModelTests.Head, Today);
        review.DrawForModeration(1, EnhancementModelTests.Quas.Name);
        review.AwaitsModeration.ShouldBeTrue();
        var other = new SchoolSight.Domain.Workflows.Actor("other-panel@demo-borough.example", SchoolSight.Domain.Access.Role.QuasPanelMember);
        Should.Throw<DomainException>(() => review.Moderate(ModerationOutcome.Agreed, null, other, Today)).Errors.Single().Code.ShouldBe("healthy.review-moderator");
        Should.Throw<DomainException>(() => review.Moderate(ModerationOutcome.NotAgreed, "", EnhancementModelTests.Quas, Today)).Errors.Single().Field.ShouldBe("Comments");
        review.Moderate(ModerationOutcome.NotAgreed, "The physical activity evidence is from last year.", EnhancementModelTests.Quas, Today);
        review.AwaitsModeration.ShouldBeFalse();
        Should.Throw<DomainException>(() => review.DrawForModeration(2, EnhancementModelTests.Quas.Name)).Errors.Single().Kind.ShouldBe(ErrorKind.Conflict);
    }
}
