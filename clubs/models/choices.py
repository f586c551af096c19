from django.db import models


class Direction(models.TextChoices):
    PATRIOTIC = "patriotic", "Патриотическое"
    MILITARY_PATRIOTIC = "military_patriotic", "Военно-патриотическое"
    TECHNICAL = "technical", "Техническое творчество"
    LABOUR = "labour", "Трудовое воспитание и профориентация"
    LOCAL_HISTORY = "local_history", "Краеведение"
    SPORT = "sport", "Спорт"
    VOLUNTEERING = "volunteering", "Волонтёрство"
    ARTS = "arts", "Творчество и искусство"
    OTHER = "other", "Другое"


class Format(models.TextChoices):
    IN_PERSON = "in_person", "Очно"
    ONLINE = "online", "Онлайн"
