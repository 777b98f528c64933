/**
 * The test host's implementation of the part of the `obsidian` module GPU Fit uses. The production
 * main.js gets this module object from `require("obsidian")`. Every class `implements` the real
 * declaration from obsidian.d.ts (whole, or a `Surface` of the members we provide), so signatures
 * cannot drift from Obsidian's.
 */
export {
	Events, Component, MarkdownRenderChild, Notice, TAbstractFile, TFile, TFolder,
	debounce, parseYaml, stringifyYaml, normalizePath, Platform, allEvents, liveIntervals, notices, requestUrl,
} from "./core";
export {
	Setting, PluginSettingTab, SettingTab, AbstractInputSuggest, PopoverSuggest,
	TextComponent, SearchComponent, DropdownComponent, ToggleComponent, ButtonComponent,
} from "./settings-ui";
export { Plugin } from "./plugin";
