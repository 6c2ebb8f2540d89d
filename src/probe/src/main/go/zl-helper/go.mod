module zombielab/zl-helper

go 1.19
