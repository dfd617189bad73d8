using System.Runtime.CompilerServices;
using System.Text;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions in Verify's conventions: the expected output is <c>Class.Name.verified.ext</c> beside the test
/// file; on a mismatch the actual output is written as <c>Class.Name.received.ext</c> and the test fails. To accept
/// the received files, run <c>eng/accept-snapshots.sh</c> (it renames every *.received.* to *.verified.*).
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, string extension = "txt", [CallerFilePath] string testFile = "")
    {
        string directory = Path.GetDirectoryName(testFile)!;
        if (!Directory.Exists(directory))
        {
            // Built elsewhere than it was compiled: find the same folder under this checkout.
            directory = Path.Combine(RepoPaths.TestProject, Path.GetFileName(directory));
        }

        string stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(testFile)}.{name}");
        string verified = $"{stem}.verified.{extension}";
        string received = $"{stem}.received.{extension}";
        actual = actual.ReplaceLineEndings("\n");

        if (File.Exists(verified) && string.Equals(File.ReadAllText(verified, Encoding.UTF8).ReplaceLineEndings("\n"), actual, StringComparison.Ordinal))
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        string why = File.Exists(verified)
            ? $"differs from {Path.GetFileName(verified)} at line {FirstDifferentLine(File.ReadAllText(verified), actual)}"
            : $"has no {Path.GetFileName(verified)} yet";
        Assert.Fail($"Snapshot {Path.GetFileName(stem)} {why}. Wrote {Path.GetFileName(received)}; if it is right, accept it with eng/accept-snapshots.sh.");
    }

    private static int FirstDifferentLine(string expected, string actual)
    {
        string[] a = expected.ReplaceLineEndings("\n").Split('\n');
        string[] b = actual.Split('\n');
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i + 1;
    }
}
