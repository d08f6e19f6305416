namespace SchoolSight.Web.Api;

public static class SchoolsApi
{
    public static RouteGroupBuilder MapSchoolsApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
