using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core;
using SchoolSight.Domain;
using SchoolSight.Web.Api;

namespace SchoolSight.Web.Tests.Api;

/// <summary>The kind of an operation's errors decides the answer, once for the API and once for pages.</summary>
public sealed class ErrorKindAnswersTests
{
    private static readonly DomainError Reason = new("test.reason", "Give the reason.", "Reason");

    [Theory]
    [InlineData(ErrorKind.Rule, StatusCodes.Status422UnprocessableEntity)]
    [InlineData(ErrorKind.NotFound, StatusCodes.Status404NotFound)]
    [InlineData(ErrorKind.Conflict, StatusCodes.Status409Conflict)]
    [InlineData(ErrorKind.Forbidden, StatusCodes.Status403Forbidden)]
    public void TheApi_AnswersEachKindWithItsStatus(ErrorKind kind, int status)
    {
        var result = OperationResult<int>.Fail(new DomainError("test", "Not now.", null, kind), Reason);
        ApiResults.Problem(result, "case").ShouldNotBeNull().StatusCode.ShouldBe(status);
    }

    [Fact]
    public void TheApi_AnswersValidationErrors_AsAValidationProblemByField()
    {
        var result = OperationResult<int>.Fail(Reason, new DomainError("test.other", "Something else is wrong."));
        ApiResults.Problem(result, "case").ShouldBeNull();
        var problem = ApiResults.Validation(result.Errors);
        problem.StatusCode.ShouldBe(StatusCodes.Status400BadRequest);
        problem.ProblemDetails.Errors["reason"].ShouldBe(["Give the reason."]);
        problem.ProblemDetails.Errors[""].ShouldBe(["Something else is wrong."]);
    }

    [Fact]
    public void TheApi_ListsEveryReason_WhenARuleStandsInTheWay()
    {
        var result = OperationResult<int>.Fail(DomainError.Rule("test.state", "The case is not active."), DomainError.Rule("test.plan", "Add the plan."), Reason);
        var problem = ApiResults.Problem(result, "case").ShouldNotBeNull();
        problem.ProblemDetails.Type.ShouldBe(ApiResults.RuleProblemType);
        var errors = problem.ProblemDetails.Extensions["errors"].ShouldBeOfType<Dictionary<string, string[]>>();
        errors[""].ShouldBe(["The case is not active.", "Add the plan."]);
        errors["reason"].ShouldBe(["Give the reason."]);
    }

    [Fact]
    public void TheApi_PutsForbiddenBeforeEveryOtherKind()
    {
        var result = OperationResult<int>.Fail(DomainError.Rule("test.state", "Not now."), CoreErrors.NotFound("case"), CoreErrors.Forbidden("Your role does not allow this."));
        ApiResults.Problem(result, "case")!.StatusCode.ShouldBe(StatusCodes.Status403Forbidden);
        ApiResults.Failure(OperationResult<int>.Fail(Reason), "case").StatusCode.ShouldBe(StatusCodes.Status400BadRequest);
    }

    private sealed class FormPage : PageModel;

    [Fact]
    public void APage_AnswersNotFoundWith404_AndForbiddenWithTheAccessDeniedPage()
    {
        var page = new FormPage();
        page.Failed(OperationResult<int>.Fail(CoreErrors.NotFound("case"))).ShouldBeOfType<NotFoundResult>();
        page.Failed(OperationResult<int>.Fail(CoreErrors.Forbidden("No."))).ShouldBeOfType<ForbidResult>();
        page.ModelState.ErrorCount.ShouldBe(0);
    }

    [Theory]
    [InlineData(ErrorKind.Validation)]
    [InlineData(ErrorKind.Rule)]
    public void APage_ShowsValidationAndRuleErrors_OnTheForm(ErrorKind kind)
    {
        var page = new FormPage();
        page.Failed(OperationResult<int>.Fail(new DomainError("test", "Give the reason.", "Reason", kind), DomainError.Rule("test.state", "Not now.")))
            .ShouldBeOfType<PageResult>();
        page.ModelState["Input.Reason"]!.Errors.Single().ErrorMessage.ShouldBe("Give the reason.");
        page.ModelState[""]!.Errors.Single().ErrorMessage.ShouldBe("Not now.");
    }

    [Fact]
    public async Task APage_AfterAConflict_ClearsWhatWasTyped_ReloadsTheRecord_AndShowsWhoChangedIt()
    {
        var page = new FormPage();
        page.ModelState.SetModelValue("Input.Reason", "typed", "typed");
        var reloaded = false;
        var answer = await page.FailedAsync(OperationResult<int>.Fail(CoreErrors.Conflict("case", "Sam", null)), conflict => Task.FromResult(reloaded = conflict));
        answer.ShouldBeOfType<PageResult>();
        reloaded.ShouldBeTrue();
        page.ModelState.ContainsKey("Input.Reason").ShouldBeFalse();
        page.ModelState[""]!.Errors.Single().ErrorMessage.ShouldStartWith("This case was changed by Sam");
        (await new FormPage().FailedAsync(OperationResult<int>.Fail(CoreErrors.Conflict("case", null, null)), _ => Task.FromResult(false))).ShouldBeOfType<NotFoundResult>();
    }
}
