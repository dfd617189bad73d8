using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Docx;
using ArxivDigest.Parsing.Writers.Parquet;

namespace ArxivDigest.Cli;

/// <summary>Loads output and input formats from plug-in assemblies (<c>--plugin</c>, or the ARXIV_DIGEST_PLUGINS variable).</summary>
/// <remarks>
/// Only the .NET tool can load assemblies; the native build (NativeAOT, see docs/native.md) refuses plug-ins with a
/// usage error instead of failing inside the runtime.
/// </remarks>
internal static class PluginLoader
{
    public const string EnvironmentVariable = "ARXIV_DIGEST_PLUGINS";

    /// <summary>The order in which the tool has always listed its formats (<c>formats</c>, <c>--help</c>); any other comes after.</summary>
    private static readonly string[] ListingOrder = ["json", "jsonl", "markdown", "parquet", "bibtex", "csl-json", "ris", "docx", "atom", "rss"];

    /// <summary>
    /// The output formats the tool ships with: the library's and the writer packages' (parquet, docx), whose providers
    /// are registered as a plug-in's are.
    /// </summary>
    public static PaperWriterRegistry CreateBuiltInRegistry()
    {
        PaperWriterRegistry formats = PaperWriterRegistry.CreateDefault()
            .Register(new ParquetWriterProvider())
            .Register(new DocxWriterProvider());
        var registry = new PaperWriterRegistry();
        foreach (PaperWriterFormat format in formats.Formats.OrderBy(f => Array.IndexOf(ListingOrder, f.Name) is int i and >= 0 ? i : int.MaxValue))
        {
            registry.Register(format);
        }

        return registry;
    }

    /// <summary>The output formats: the built-in ones and the plug-ins'.</summary>
    public static PaperWriterRegistry CreateRegistry(IEnumerable<string> pluginPaths) => CreateRegistries(pluginPaths).Writers;

    /// <summary>The output and the input formats: the built-in ones and the plug-ins'.</summary>
    public static (PaperWriterRegistry Writers, PaperInputRegistry Inputs) CreateRegistries(IEnumerable<string> pluginPaths)
    {
        PaperWriterRegistry writers = CreateBuiltInRegistry();
        PaperInputRegistry inputs = PaperInputRegistry.CreateDefault();
        foreach (string path in Paths(pluginPaths))
        {
            (List<IPaperWriterProvider> providers, List<PaperInputFormat> inputFormats) = Load(path);
            foreach (IPaperWriterProvider provider in providers)
            {
                writers.Register(provider);
            }

            foreach (PaperInputFormat format in inputFormats)
            {
                inputs.Register(format);
            }
        }

        return (writers, inputs);
    }

    /// <summary>The plug-in assemblies: those of ARXIV_DIGEST_PLUGINS, then <paramref name="pluginPaths"/>.</summary>
    public static IEnumerable<string> Paths(IEnumerable<string> pluginPaths)
        => (Environment.GetEnvironmentVariable(EnvironmentVariable) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(pluginPaths);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Runs only where dynamic code is supported (checked first); the plug-in is a whole assembly, not trimmed.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "As above: a plug-in's types are loaded whole.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above: a plug-in's types are loaded whole.")]
    private static (List<IPaperWriterProvider> Writers, List<PaperInputFormat> Inputs) Load(string path)
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

        var providers = new List<IPaperWriterProvider>();
        var inputs = new List<PaperInputFormat>();
        bool any = false;
        foreach (Type type in assembly.GetExportedTypes())
        {
            if (type is not { IsAbstract: false, IsInterface: false } || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            if (typeof(IPaperWriterProvider).IsAssignableFrom(type))
            {
                providers.Add((IPaperWriterProvider)Activator.CreateInstance(type)!);
                any = true;
            }

            if (typeof(IPaperInputProvider).IsAssignableFrom(type))
            {
                inputs.AddRange(((IPaperInputProvider)Activator.CreateInstance(type)!).GetFormats());
                any = true;
            }
        }

        if (!any)
        {
            throw new UsageException($"Plug-in '{path}' has no public IPaperWriterProvider or IPaperInputProvider with a parameterless constructor.");
        }

        return (providers, inputs);
    }
}
