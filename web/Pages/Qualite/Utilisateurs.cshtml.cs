using VoixUsager.Data;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Qualite;

public class UtilisateursModel(AppDbContext db, InvitationService invitations, StaffUser staff) : UsersPageModel(db, invitations, staff);
