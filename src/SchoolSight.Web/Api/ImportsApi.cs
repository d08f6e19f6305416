namespace SchoolSight.Web.Api;

public static class ImportsApi
{
    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
