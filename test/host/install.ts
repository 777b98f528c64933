// Imported first by the page: Obsidian's DOM helpers must exist before any host module creates elements.
import { installDom } from "./dom";

installDom();
