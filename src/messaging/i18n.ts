import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { PACKAGE_ROOT } from "../package-root.js";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALES_DIR = join(PACKAGE_ROOT, "locales");

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

/** The Fluent sources of a locale: `locales/<locale>/*.ftl`, one file per feature, in name order. */
function sources(dir: string, locale: Locale): { file: string; text: string }[] {
  return readdirSync(`${dir}/${locale}`)
    .filter((f) => f.endsWith(".ftl"))
    .sort()
    .map((f) => ({ file: `${locale}/${f}`, text: readFileSync(`${dir}/${locale}/${f}`, "utf8") }));
}

/**
 * Load `locales/<locale>/*.ftl`. A message missing in a locale falls back to Vietnamese, then to its id.
 *
 * @example createI18n().t("vi", "help-title")
 */
export function createI18n(dir = LOCALES_DIR): I18n {
  const bundles = new Map<Locale, FluentBundle>();
  for (const locale of LOCALES) {
    // Fluent's direction isolation marks are invisible noise in chat apps and break copy-paste.
    const bundle = new FluentBundle(locale, { useIsolating: false });
    for (const { file, text } of sources(dir, locale)) {
      const errors = bundle.addResource(new FluentResource(text));
      if (errors.length > 0) throw new Error(`locales/${file}: ${errors.map((e) => e.message).join("; ")}`);
    }
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
    ids: (locale) =>
      sources(dir, locale).flatMap(({ text }) => [...text.matchAll(/^([a-z][a-z0-9_-]*)\s*=/gm)].map((m) => m[1] as string)),
  };
}
