/// A failure while rendering (`pages/landing:12:7: 'product.titel' is not defined`): the same located problem as at compile time.
public typealias RenderError = TemplateError
