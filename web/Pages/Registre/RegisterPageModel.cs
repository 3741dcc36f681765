using Microsoft.AspNetCore.Mvc;
using VoixUsager.Register;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Registre;

/// <summary>What the register's pages share: who acts, and how a core service's answer becomes a response.</summary>
public abstract class RegisterPageModel(StaffUser staff) : StaffPageModel
{
    /// <summary>The policy lets in only the quality team and service owners with a service, so this is never null past it.</summary>
    protected RegisterActor Actor => staff.RegisterActor ?? throw new InvalidOperationException("Not a register actor.");

    public bool IsQualityTeam => Actor.IsQualityTeam;

    protected IActionResult Refusal(ChangeResult result) => result switch
    {
        ChangeResult.NotFound => NotFound(),
        ChangeResult.Forbidden => Forbid(),
        _ => throw new InvalidOperationException(result.ToString()),
    };
}
