using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using SchoolSight.Core.Register;
using SchoolSight.Domain.Register;

namespace SchoolSight.Web.Pages.Partners;

/// <summary>What the partner create and edit pages share.</summary>
public abstract class PartnerFormModel : PageModel
{
    [BindProperty] public PartnerInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> KindItems { get; } =
        [new("Choose the kind of partner", ""), .. Enum.GetValues<PartnerKind>().Select(k => new SelectListItem(k.DisplayName(), k.ToString()))];
}
