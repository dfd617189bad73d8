using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli;

/// <summary>Loads writer formats from plug-in assemblies (<c>--plugin</c>, or the ARXIV_DIGEST_PLUGINS variable).</summary>
/// <remarks>
/// Only the .NET tool can load assemblies; the native build (NativeAOT, see docs/native.md) refuses plug-ins with a
/// usage error instead of failing inside the runtime.
/// </remarks>
internal static class PluginLoader
{
    public const string EnvironmentVariable = "ARXIV_DIGEST_PLUGINS";

    public static PaperWriterRegistry CreateRegistry(IEnumerable<string> pluginPaths)
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault();
        foreach (string path in Paths(pluginPaths))
        {
            foreach (PaperWriterFormat format in Load(path))
            {
                registry.Register(format);
            }
        }

        return registry;
    }

    /// <summary>The plug-in assemblies: those of ARXIV_DIGEST_PLUGINS, then <paramref name="pluginPaths"/>.</summary>
    public static IEnumerable<string> Paths(IEnumerable<string> pluginPaths)
        => (Environment.GetEnvironmentVariable(EnvironmentVariable) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(pluginPaths);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Runs only where dynamic code is supported (checked first); the plug-in is a whole assembly, not trimmed.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "As above: a plug-in's types are loaded whole.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above: a plug-in's types are loaded whole.")]
    private static List<PaperWriterFormat> Load(string path)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            throw new UsageException($"Plug-in '{path}': this native build of arxiv-digest cannot load assemblies; use the .NET tool (dotnet tool install -g ArxivDigest.Cli) for plug-ins.");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"Plug-in '{path}' does not exist.");
        }

        Assembly assembly;
        try
        {
            assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
        }
        catch (BadImageFormatException e)
        {
            throw new UsageException($"Plug-in '{path}' is not a .NET assembly: {e.Message}");
        }

        var formats = new List<PaperWriterFormat>();
        foreach (Type type in assembly.GetExportedTypes())
        {
            if (type is { IsAbstract: false, IsInterface: false } && typeof(IPaperWriterProvider).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                var provider = (IPaperWriterProvider)Activator.CreateInstance(type)!;
                formats.AddRange(provider.GetFormats());
            }
        }

        if (formats.Count == 0)
        {
            throw new UsageException($"Plug-in '{path}' has no public IPaperWriterProvider with a parameterless constructor.");
        }

        return formats;
    }
}
