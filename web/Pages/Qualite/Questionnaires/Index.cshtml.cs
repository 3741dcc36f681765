using VoixUsager.Questionnaires;
using VoixUsager.Web.Pages.Questionnaires;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Qualite.Questionnaires;

/// <summary>The préfecture's questionnaires with their versions and drafts, and the national one to read and build on.</summary>
public class IndexModel(StaffUser staff, QuestionnaireEditing editing) : QuestionnaireListModel(staff, editing);
