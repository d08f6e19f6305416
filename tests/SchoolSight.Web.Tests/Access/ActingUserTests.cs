using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Tests.Access;

/// <summary>Someone is always acting: the signed-in user in a request, a named system user outside one, or no one at all.</summary>
public sealed class ActingUserTests(SqliteDemoApp fixture) : IClassFixture<SqliteDemoApp>
{
    [Fact]
    public void OutsideAnyRequest_NoOneActs_WithNoRoleAndNoSchool()
    {
        var user = new HttpCurrentUser(new HttpContextAccessor());
        user.IsSomeone().ShouldBeFalse();
        user.Role.ShouldBeNull();
        user.Scope.WholeLa.ShouldBeFalse();
        user.Scope.Urns.ShouldBeEmpty();
    }

    [Fact]
    public void OutsideARequest_TheScopesSystemUserActs()
    {
        var user = new HttpCurrentUser(new HttpContextAccessor(), new ScopeActor { User = ActingUsers.Scheduler });
        user.UserName.ShouldBe("SchoolSight scheduler");
        user.Scope.WholeLa.ShouldBeTrue();
    }

    [Fact]
    public void InARequest_TheSignedInUserActs_NotTheScopesSystemUser()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "head@demo-borough.example"), new Claim(ClaimTypes.Role, nameof(Role.SchoolUser)), new Claim(SchoolSightClaims.School, "999001")], "test"));
        var accessor = new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } };
        var user = new HttpCurrentUser(accessor, new ScopeActor { User = ActingUsers.Scheduler });
        user.UserName.ShouldBe("head@demo-borough.example");
        user.Role.ShouldBe(Role.SchoolUser);
        user.Scope.Urns.ShouldBe([999001]);
    }

    [Fact]
    public async Task TheDemoData_FilledAtStartUp_IsRecordedAsTheNamedStartUpUser()
    {
        await using var db = fixture.App.Database.CreateContext();
        (await db.AuditEntries.CountAsync(a => a.UserName == ActingUsers.StartUp.UserName)).ShouldBeGreaterThan(0);
        (await db.AuditEntries.CountAsync(a => a.UserName == "system" || a.UserName == "")).ShouldBe(0);
    }
}
