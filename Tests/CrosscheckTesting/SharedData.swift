public enum SharedData {}
