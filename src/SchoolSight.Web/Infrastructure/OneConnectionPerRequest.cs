using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;

namespace SchoolSight.Web;

/// <summary>
/// On SQLite, a signed-in user's request opens its database connection once, before the page runs, rather than once
/// per query: EF Core opens and closes a pooled connection around every query it opens itself, and every such trip
/// passes the SQLite connection pool's lock, which under load is where requests wait. The connection closes with the
/// request's context. PostgreSQL keeps EF Core's own way (its pool is not the cost, and a connection held for a whole
/// request would shrink the pool for everyone else).
/// </summary>
public static class OneConnectionPerRequest
{
    public static IApplicationBuilder UseOneConnectionPerRequest(this IApplicationBuilder app, DatabaseOptions database) =>
        database.Provider != DatabaseProvider.Sqlite ? app : app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
                await context.RequestServices.GetRequiredService<AppDbContext>().Database.OpenConnectionAsync(context.RequestAborted);
            await next(context);
        });
}
