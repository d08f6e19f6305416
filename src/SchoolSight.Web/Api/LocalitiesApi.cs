namespace SchoolSight.Web.Api;

public static class LocalitiesApi
{
    public static RouteGroupBuilder MapLocalitiesApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
