using VoixUsager.Mystery;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Referent;

public class CourrielModel(MysteryRecordService records, StaffUser staff) : MysteryRecordPageModel(records, staff, MysteryChannel.Courriel);
