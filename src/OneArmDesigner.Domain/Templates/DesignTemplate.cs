using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Domain.Templates;

/// <summary>
/// A ready-made design to start from or to watch. <see cref="DefaultFlow"/> is the exchange its walkthrough plays.
/// </summary>
public sealed record DesignTemplate(string Name, string Title, string Summary, TemplateFlow DefaultFlow, Func<Design> Create);

/// <summary>The flow a template's walkthrough plays: from a host to a host and port.</summary>
public sealed record TemplateFlow(string From, string To, Protocol Protocol, int Port);
