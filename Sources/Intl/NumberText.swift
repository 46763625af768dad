/// An integer in a locale's decimal style and digits: `1.234` in de, `١٬٢٣٤` in ar-KW, `1,234` in ar-KW-u-nu-latn.
public func numberText(_ value: Int, localeTag: String) -> String {
    LocaleNumberText.forLocale(localeTag).text(ScaledDecimal(value))
}
