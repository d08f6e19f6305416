using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SchoolSight.Web.Authentication;

namespace SchoolSight.TestSupport;

/// <summary>
/// SchoolSight's sign-in attempt limits (<see cref="SignInRateLimits"/>), counted separately for each test database,
/// so that tests sharing one app count their attempts as if each had the app to itself.
/// </summary>
internal sealed class PerTestSignInLimits(SignInSecurityOptions security) : PartitionedRateLimiter<HttpContext>
{
    private readonly ConcurrentDictionary<string, PartitionedRateLimiter<HttpContext>> _limits = new();

    public static void Replace(IServiceCollection services) =>
        services.AddOptions<RateLimiterOptions>().PostConfigure<IOptions<SignInSecurityOptions>>((options, security) =>
            options.GlobalLimiter = new PerTestSignInLimits(security.Value));

    private PartitionedRateLimiter<HttpContext> For(HttpContext context) =>
        _limits.GetOrAdd(context.Request.Headers[TestDatabaseRouting.Header].ToString(), _ =>
        {
            var options = new RateLimiterOptions();
            SignInRateLimits.Configure(options, security);
            return options.GlobalLimiter!;
        });

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => For(resource).GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        For(resource).AttemptAcquire(resource, permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        For(resource).AcquireAsync(resource, permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            foreach (var limit in _limits.Values) limit.Dispose();
        base.Dispose(disposing);
    }
}
