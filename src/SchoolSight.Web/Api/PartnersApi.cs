namespace SchoolSight.Web.Api;

public static class PartnersApi
{
    public static RouteGroupBuilder MapPartnersApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
