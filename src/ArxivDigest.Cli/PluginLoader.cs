using System.Reflection;
using System.Runtime.Loader;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli;

/// <summary>Loads writer formats from plug-in assemblies (<c>--plugin</c>, or the ARXIV_DIGEST_PLUGINS variable).</summary>
internal static class PluginLoader
{
    public const string EnvironmentVariable = "ARXIV_DIGEST_PLUGINS";

    public static PaperWriterRegistry CreateRegistry(IEnumerable<string> pluginPaths)
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault();
        IEnumerable<string> fromEnvironment = (Environment.GetEnvironmentVariable(EnvironmentVariable) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string path in fromEnvironment.Concat(pluginPaths))
        {
            foreach (PaperWriterFormat format in Load(path))
            {
                registry.Register(format);
            }
        }

        return registry;
    }

    private static List<PaperWriterFormat> Load(string path)
    {
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
