import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALES_DIR = fileURLToPath(new URL("../../locales/", import.meta.url));

export type MessageArgs = Record<string, FluentVariable>;

export interface I18n {
  t(locale: Locale, id: string, args?: MessageArgs): string;
  has(locale: Locale, id: string): boolean;
  /** Every message id of a locale (tests check vi and en hold the same set). */
  ids(locale: Locale): string[];
}

export function isLocale(value: unknown): value is Locale {
  return value === "vi" || value === "en";
}

/** Match a platform language hint (`vi-VN`, `en-US`) to a locale. */
export function localeFromHint(hint: string | undefined, fallback: Locale): Locale {
  const primary = hint?.toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : fallback;
}

/**
 * Load `locales/<locale>.ftl`. A message missing in a locale falls back to Vietnamese, then to its id.
 *
 * @example createI18n().t("vi", "help-title")
 */
export function createI18n(dir = LOCALES_DIR): I18n {
  const bundles = new Map<Locale, FluentBundle>();
  for (const locale of LOCALES) {
    // Fluent's direction isolation marks are invisible noise in chat apps and break copy-paste.
    const bundle = new FluentBundle(locale, { useIsolating: false });
    const errors = bundle.addResource(new FluentResource(readFileSync(`${dir}/${locale}.ftl`, "utf8")));
    if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map((e) => e.message).join("; ")}`);
    bundles.set(locale, bundle);
  }
  const format = (locale: Locale, id: string, args?: MessageArgs): string | undefined => {
    const bundle = bundles.get(locale);
    const message = bundle?.getMessage(id);
    if (!bundle || !message?.value) return undefined;
    return bundle.formatPattern(message.value, args ?? null);
  };
  return {
    t: (locale, id, args) => format(locale, id, args) ?? format("vi", id, args) ?? id,
    has: (locale, id) => bundles.get(locale)?.hasMessage(id) ?? false,
    ids: (locale) => {
      const source = readFileSync(`${dir}/${locale}.ftl`, "utf8");
      return [...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1] as string);
    },
  };
}
