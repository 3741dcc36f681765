using VoixUsager.Mystery;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Referent;

public class AppelModel(MysteryRecordService records, StaffUser staff) : MysteryRecordPageModel(records, staff, MysteryChannel.Appel);
