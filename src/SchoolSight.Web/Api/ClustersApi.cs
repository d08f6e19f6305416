namespace SchoolSight.Web.Api;

public static class ClustersApi
{
    public static RouteGroupBuilder MapClustersApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
