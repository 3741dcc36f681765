using VoixUsager.Questionnaires;
using VoixUsager.Web.Pages.Questionnaires;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Administration;

/// <summary>The national questionnaires, the same in every préfecture so that they can be compared.</summary>
public class QuestionnairesModel(StaffUser staff, QuestionnaireEditing editing) : QuestionnaireListModel(staff, editing);
