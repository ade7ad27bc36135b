/** Cost-model workbench: the "Kostnadsmodell" sheet template, sensitivity, cost sharing and budget follow-up. */
export * from "./scenarios";
export * from "./sensitivity";
export * from "./sharing";
export * from "./followup";
export * from "./template";
export * from "./inputs";
