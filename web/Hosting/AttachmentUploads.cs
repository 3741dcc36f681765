using VoixUsager.Register;

namespace VoixUsager.Web.Hosting;

/// <summary>A posted file as the register service reads it: only when checked, so an oversize file is refused unread.</summary>
public static class AttachmentUploads
{
    public static AttachmentUpload? From(IFormFile? file) => file is { Length: > 0 }
        ? new AttachmentUpload(file.FileName, file.Length, async cancellationToken =>
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        })
        : null;
}
