using System.Runtime.InteropServices;

namespace ArxivDigest.Cli;

/// <summary>What a directory entry is, as <c>lstat</c>/<c>stat</c> tell it.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Other,
}

/// <summary>
/// Which file a path names: device and inode on Linux, so symbolic links, hard links and <c>./x</c> all compare
/// equal; elsewhere the resolved full path stands in.
/// </summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, string? Path);

/// <summary>A file's type, identity and permission bits.</summary>
internal readonly record struct FileStatus(FileKind Kind, FileIdentity Identity, UnixFileMode Mode)
{
    public static FileStatus Missing => new(FileKind.Missing, default, default);

    public bool Exists => Kind != FileKind.Missing;

    /// <summary>A character device, FIFO or socket: written through, never replaced.</summary>
    public bool IsStream => Kind is FileKind.CharacterDevice or FileKind.Fifo or FileKind.Socket;

    /// <summary>How messages name the kind (<c>a FIFO</c>).</summary>
    public string Describe() => Kind switch
    {
        FileKind.Regular => "a file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        _ => "a special file",
    };
}

/// <summary>
/// The few POSIX calls .NET has no public API for: a file's type (character device, FIFO, ...) and identity
/// (<c>statx</c>, whose layout is the same on every Linux architecture), and <c>write(2)</c> on a descriptor, whose
/// errors (EPIPE) the console stream hides. Bound lazily, so the native build loads them like the .NET tool.
/// </summary>
internal static partial class Posix
{
    public const int EINTR = 4;
    public const int EPIPE = 32;

    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;

    private static bool s_noStatx;

    /// <summary>EAGAIN: 11 on Linux, 35 on macOS and the BSDs (EINTR and EPIPE are the same everywhere).</summary>
    private static int EAgain => OperatingSystem.IsLinux() ? 11 : 35;

    /// <summary>What <paramref name="path"/> itself is (a symbolic link is not followed).</summary>
    /// <exception cref="IOException">The path cannot be examined (permission, loop, ...).</exception>
    public static FileStatus LinkStatus(string path) => Status(path, follow: false);

    /// <summary>What <paramref name="path"/> names, symbolic links followed; <see cref="FileStatus.Missing"/> when dangling.</summary>
    /// <exception cref="IOException">The path cannot be examined (permission, loop, ...).</exception>
    public static FileStatus Status(string path) => Status(path, follow: true);

    /// <summary>What an open descriptor is (0 standard input, 1 standard output), or null where that cannot be told.</summary>
    public static FileStatus? Descriptor(int fd)
    {
        if (!OperatingSystem.IsLinux() || s_noStatx)
        {
            return null;
        }

        try
        {
            return StatxOrNull(fd, string.Empty, AtEmptyPath, out _);
        }
        catch (EntryPointNotFoundException)
        {
            s_noStatx = true;
            return null;
        }
        catch (DllNotFoundException)
        {
            s_noStatx = true;
            return null;
        }
    }

    /// <summary>The text of an errno value (strerror).</summary>
    public static string ErrorText(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    /// <summary>
    /// The errno behind an <see cref="IOException"/> raised by .NET on Unix (its HResult), or 0 when it carries none.
    /// </summary>
    public static int Errno(IOException e) => !OperatingSystem.IsWindows() && e.HResult is > 0 and < 4096 ? e.HResult : 0;

    /// <summary>Writes all of <paramref name="data"/> to <paramref name="fd"/>, retrying short writes, EINTR and EAGAIN.</summary>
    /// <returns>0, or the errno of the failure.</returns>
    public static unsafe int WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            byte* p = start;
            nuint left = (nuint)data.Length;
            while (left > 0)
            {
                nint written = Write(fd, p, left);
                if (written < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == EINTR)
                    {
                        continue;
                    }

                    if (errno == EAgain)
                    {
                        // A non-blocking descriptor inherited from the parent: wait until it takes more.
                        var poll = new PollFd { Fd = fd, Events = PollOut };
                        _ = Poll(&poll, 1, 100);
                        continue;
                    }

                    return errno;
                }

                p += written;
                left -= (nuint)written;
            }
        }

        return 0;
    }

    private static FileStatus Status(string path, bool follow)
    {
        if (OperatingSystem.IsLinux() && !s_noStatx)
        {
            try
            {
                FileStatus? status = StatxOrNull(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow, out int errno);
                if (status is FileStatus found)
                {
                    return found;
                }

                if (errno is ENOENT or ENOTDIR)
                {
                    return FileStatus.Missing;
                }

                throw new IOException($"{path}: {ErrorText(errno)}", errno);
            }
            catch (EntryPointNotFoundException)
            {
                s_noStatx = true;
            }
            catch (DllNotFoundException)
            {
                s_noStatx = true;
            }
        }

        return ManagedStatus(path, follow);
    }

    private static unsafe FileStatus? StatxOrNull(int dirFd, string path, int flags, out int errno)
    {
        byte* buffer = stackalloc byte[StatxSize];
        if (Statx(dirFd, path, flags, StatxBasicStats, buffer) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;
        ushort mode = *(ushort*)(buffer + 28);
        ulong inode = *(ulong*)(buffer + 32);
        ulong device = ((ulong)*(uint*)(buffer + 136) << 32) | *(uint*)(buffer + 140);
        FileKind kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        return new FileStatus(kind, new FileIdentity(device, inode, null), (UnixFileMode)(mode & 0xFFF));
    }

    /// <summary>
    /// Without statx (not Linux, or an old C library): what .NET can tell. Devices and FIFOs look like files here,
    /// so the Linux build is the one that writes through them.
    /// </summary>
    private static FileStatus ManagedStatus(string path, bool follow)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            if (!follow)
            {
                return new FileStatus(FileKind.SymbolicLink, new FileIdentity(0, 0, Path.GetFullPath(path)), default);
            }

            FileSystemInfo? target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                return FileStatus.Missing;
            }

            path = target.FullName;
        }

        string full = Path.GetFullPath(path);
        UnixFileMode mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(full);
        if (Directory.Exists(full))
        {
            return new FileStatus(FileKind.Directory, new FileIdentity(0, 0, full), mode);
        }

        return File.Exists(full) ? new FileStatus(FileKind.Regular, new FileIdentity(0, 0, full), mode) : FileStatus.Missing;
    }

    private const short PollOut = 4;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int Poll(PollFd* fds, nuint count, int timeout);
}
