namespace VoixUsager.Calendar;

/// <summary>How a reply compares with the deadline an administration committed to, in working days.</summary>
public enum ReplyDelayClass
{
    WithinDeadline,
    Late,
    NoReply,
}
